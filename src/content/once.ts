// A chunk (or any value) loaded once and shared: every caller waits for the same load, and a load
// that failed is tried again by the next caller. `value` holds it once it is here.
export class Once<T> {
  value: T | null;
  private pending: Promise<T> | null = null;

  /** `value`: already here (tests pass the module itself), so nothing is ever loaded. */
  constructor(
    private readonly load: () => Promise<T>,
    value: T | null = null,
  ) {
    this.value = value;
  }

  get(): Promise<T> {
    if (this.value !== null) return Promise.resolve(this.value);
    this.pending ??= this.load().then(
      (value) => {
        this.value = value;
        return value;
      },
      (err: unknown) => {
        this.pending = null;
        throw err;
      },
    );
    return this.pending;
  }
}
