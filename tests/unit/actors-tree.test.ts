// Actor readings taken from the dependency tree: places by their case word and governing verb,
// a state modifying a noun, relative-clause posts, possessed names and organization name lists.
import { describe, expect, it } from 'vitest';
import { analyse } from './actors-helpers.ts';

describe('places read on the parse', () => {
  it('a capital after "in" is a located place of its state, not an actor', () => {
    const seen = analyse('Negotiators held talks in Doha on Monday.');
    expect(seen.ids).not.toContain('qatar');
    expect((seen.analysis.places ?? []).map((p) => p.actor)).toContain('qatar');
  });

  it('a capital that acts is its government', () => {
    expect(analyse('Ottawa said the duties were unjustified.').ids).toContain('canada');
  });

  it('a trip to a capital passes the host as a place', () => {
    const seen = analyse('Chilean President Gabriel Boric travelled to Lima for talks.');
    expect((seen.analysis.places ?? []).map((p) => p.actor)).toContain('peru');
  });

  it('a state in a list with a state that acts stays an actor', () => {
    const seen = analyse('Peru, Bolivia and Ecuador rejected the proposal.');
    expect(seen.ids).toEqual(expect.arrayContaining(['bolivia', 'ecuador', 'peru']));
  });
});

describe('persons and bodies on the parse', () => {
  it('a relative clause "who chairs X" gives the post at the body', () => {
    const seen = analyse(
      "Amara Okafor, who chairs Nigeria's Human Rights Monitoring Network, called the ruling a setback.",
    );
    expect(seen.affiliations).toContain('amara-okafor>human-rights-monitoring-network:chair');
  });

  it('a body after a state possessive is not read as a person', () => {
    const seen = analyse(
      "Amara Okafor, who chairs Nigeria's Human Rights Monitoring Network, called the ruling a setback.",
    );
    expect(seen.analysis.actors.get('human-rights-monitoring-network')?.kind).toBe('organization');
  });

  it('a committee name with a portfolio list is one body', () => {
    const seen = analyse(
      'Nirmala Das, deputy chair of the Lok Sabha Committee on Rural Development, Panchayati Raj and Fisheries, told reporters the bill would pass.',
    );
    const orgs = [...seen.analysis.actors.values()].filter((a) => a.kind === 'organization');
    expect(orgs.map((o) => o.name)).toEqual([
      'Lok Sabha Committee on Rural Development, Panchayati Raj and Fisheries',
    ]);
  });
});
