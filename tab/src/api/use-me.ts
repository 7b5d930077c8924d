import type { Me } from './types';
import { useApi } from './use-api';

/** The signed-in person (or local developer identity) and their organisation. */
export const useMe = () => useApi<Me>('/api/v1/me');
