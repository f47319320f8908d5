// Request activity: the server counts as quiet only with no request in flight and none come in for
// the quiet time, a response cut short counts as done, and a quiet turn waits for such a moment
// (the view warm-up takes its turns there, so it never runs between the requests of a stream).
import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { RequestActivity } from '../../server/api/request-activity.ts';

/** A clock moved by hand, and waits that move it (each a turn of the event loop). */
function fakeTime() {
  let t = 1000;
  const waits: number[] = [];
  return {
    now: () => t,
    advance: (ms: number) => (t += ms),
    waits,
    wait: async (ms: number) => {
      waits.push(ms);
      t += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** Sends one request through the middleware; its response, to finish or close. */
function arrive(activity: RequestActivity): EventEmitter {
  const res = new EventEmitter();
  let passed = false;
  activity.track(
    {} as Request,
    res as unknown as Response,
    (() => {
      passed = true;
    }) as NextFunction,
  );
  expect(passed).toBe(true);
  return res;
}

describe('RequestActivity', () => {
  it('is quiet only with nothing in flight and nothing come in for the quiet time', () => {
    const time = fakeTime();
    const activity = new RequestActivity({ quietMs: 50, now: time.now });
    expect(activity.quiet).toBe(true);
    const a = arrive(activity);
    const b = arrive(activity);
    time.advance(100);
    expect(activity.quiet).toBe(false);
    a.emit('finish');
    // Both events of one response count it once.
    a.emit('close');
    expect(activity.quiet).toBe(false);
    b.emit('close');
    expect(activity.quiet).toBe(true);
    arrive(activity).emit('finish');
    time.advance(49);
    expect(activity.quiet).toBe(false);
    time.advance(1);
    expect(activity.quiet).toBe(true);
  });

  it('gives a quiet turn at once when quiet, else once a request is done and the quiet time past', async () => {
    const time = fakeTime();
    const activity = new RequestActivity({ quietMs: 50, now: time.now, wait: time.wait });
    await activity.quietTurn();
    expect(time.waits).toEqual([]);

    const res = arrive(activity);
    let turned = false;
    const turn = activity.quietTurn().then(() => (turned = true));
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    // Still serving: it keeps looking, each quietMs, and does not turn.
    expect(turned).toBe(false);
    expect(time.waits.length).toBeGreaterThan(1);
    expect(new Set(time.waits)).toEqual(new Set([50]));
    res.emit('finish');
    await turn;
    expect(turned).toBe(true);
    expect(activity.quiet).toBe(true);
  });
});
