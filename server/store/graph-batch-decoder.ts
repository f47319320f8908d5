// The serving thread's side of a batch in columns (graph-batch.ts): the documents again, each
// identity and event shape decoded once per table number, so documents stating the same identity
// share one object as in a read on one thread.
import { DOCUMENT_COUNTS, EVENT_NUMBERS, EVENT_REFS, type GraphBatch } from './graph-batch.ts';
import { graphEvent, GraphRowDecoder, type EventShape, type GraphActor } from './rows.ts';
import type { GraphDocument } from './types.ts';

/** The serving side: turns GraphBatches back into GraphDocuments, keeping the table in step. */
export class GraphBatchDecoder {
  private texts: string[] = [];
  /** The decoded identity or shape of each table number taken as one (decoded on first use). */
  private actors: (GraphActor | undefined)[] = [];
  private shapes: (EventShape | undefined)[] = [];
  private readonly decoder = new GraphRowDecoder();

  private actor(n: number, document: string): GraphActor {
    return (this.actors[n] ??= this.decoder.actor(this.texts[n]!, document));
  }

  private shape(n: number): EventShape {
    return (this.shapes[n] ??= this.decoder.shape(this.texts[n]!));
  }

  decode(batch: GraphBatch): GraphDocument[] {
    if (batch.reset) {
      this.texts = [];
      this.actors = [];
      this.shapes = [];
    }
    for (const text of batch.texts) this.texts.push(text);
    const texts = this.texts;
    const { counts, refs, numbers, documents } = batch;
    const out = new Array<GraphDocument>(counts.length / DOCUMENT_COUNTS);
    let r = 0;
    let x = 0;
    for (let d = 0, c = 0; d < out.length; d++) {
      const id = documents[3 * d] as string;
      const extractor = texts[counts[c++]!]!;
      const actors = new Array<GraphActor>(counts[c++]!);
      const affiliations = new Array<GraphDocument['affiliations'][number]>(counts[c++]!);
      const events = new Array<GraphDocument['events'][number]>(counts[c++]!);
      for (let i = 0; i < actors.length; i++) actors[i] = this.actor(refs[r++]!, id);
      for (let i = 0; i < affiliations.length; i++) {
        const person = texts[refs[r++]!]!;
        const of = texts[refs[r++]!]!;
        affiliations[i] = { person, of, role: texts[refs[r++]!]! };
      }
      for (let i = 0; i < events.length; i++) {
        const eventId = texts[refs[r]!]!;
        const source = texts[refs[r + 1]!]!;
        const target = texts[refs[r + 2]!]!;
        const shape = this.shape(refs[r + 3]!);
        const origin = refs[r + 4]!;
        r += EVENT_REFS;
        events[i] = graphEvent(
          id,
          eventId,
          source,
          target,
          shape,
          numbers[x]!,
          numbers[x + 1]!,
          numbers[x + 2]!,
          numbers[x + 3]!,
          numbers[x + 4]!,
          origin < 0 ? null : batch.origins[origin]!,
        );
        x += EVENT_NUMBERS;
      }
      out[d] = {
        extractor,
        document: {
          id,
          title: documents[3 * d + 1] as string | null,
          published: documents[3 * d + 2] as string | null,
        },
        actors,
        affiliations,
        events,
      };
    }
    return out;
  }
}
