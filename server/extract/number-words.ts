// Cardinal numbers written as words ("three", "twelve"), shared by the stages that read counts:
// groups of actors ("the three nations") and relative dates ("three weeks ago").

export const CARDINALS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
