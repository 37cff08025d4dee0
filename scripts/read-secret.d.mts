/** See read-secret.mjs. */
export function readSecret(prompt: string): Promise<string | null>;
