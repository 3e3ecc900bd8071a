/** A clock a test moves by hand, for code that takes `now()`. */
export function fakeClock(): {
	now: () => number;
	advance: (ms: number) => void;
} {
	let time = 0;
	return {
		now: () => time,
		advance(ms) {
			time += ms;
		},
	};
}
