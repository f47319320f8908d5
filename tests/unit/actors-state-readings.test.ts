// A body named by a generic name after its state ("Pakistan's Foreign Office") is that state's
// body: a gazetteer entry of another state with the same alias (Britain's Foreign Office) is never
// taken for it, and the bare shared name needs its own state in the article. "American" before a
// plural of states ("American nations") is the Americas, not the United States.
import { describe, expect, it } from 'vitest';
import { analyse } from './actors-helpers.ts';

describe("a generic body name after its state is that state's body", () => {
  it("reads another state's Foreign Office as its own, not Britain's", () => {
    const seen = analyse("Pakistan's Foreign Office said India had violated the ceasefire.");
    expect(seen.ids).toContain('pakistan-foreign-office');
    expect(seen.ids).not.toContain('uk-foreign-office');
  });

  it("keeps Britain's own Foreign Office, and needs the state for the bare name", () => {
    expect(analyse("Britain's Foreign Office criticised Iran.").ids).toContain('uk-foreign-office');
    expect(analyse('The Foreign Office said India had violated the ceasefire.').ids).not.toContain(
      'uk-foreign-office',
    );
  });
});

describe('"American" before a plural of states is the Americas', () => {
  it('names no United States in "a collection of American nations"', () => {
    const seen = analyse(
      'The Lima Group is a collection of American nations that have been pressuring Caracas.',
    );
    expect(seen.ids).not.toContain('united-states');
  });

  it('keeps the United States in "American officials"', () => {
    expect(analyse('American officials criticised Iran on Monday.').ids).toContain('united-states');
  });
});
