/** Standard base64 (RFC 4648 section 4), as vCard's `b` encoding and `data:` URLs want it. */
export const bytesToBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  // In slices: String.fromCharCode over a whole photo would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
