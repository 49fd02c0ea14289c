// Loaded with `node --import` (NODE_OPTIONS) by tests that run `todo` at a moment of their
// choosing: TODO_TEST_NOW (an ISO time) is now when the run starts, and the clock runs on from
// there, so "tomorrow" and "friday" mean what a table written for that moment expects.
const RealDate = Date;
const offsetMs = RealDate.parse(process.env.TODO_TEST_NOW ?? '') - RealDate.now();
if (Number.isNaN(offsetMs)) throw new Error('TODO_TEST_NOW must be an ISO time such as 2026-12-02T10:00:00Z');

class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offsetMs);
    else super(...args);
  }

  static now() {
    return RealDate.now() + offsetMs;
  }
}

globalThis.Date = ShiftedDate;
