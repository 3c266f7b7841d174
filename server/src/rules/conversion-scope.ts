import { AsyncLocalStorage } from 'node:async_hooks';

const conversion = new AsyncLocalStorage<true>();

/** Runs the conversion's writes: the only ones allowed to set a lead's conversion fields (SPEC §5). */
export const asConversion = <T>(work: () => Promise<T>): Promise<T> => conversion.run(true, work);

export const inConversion = () => conversion.getStore() === true;
