/**
 * Hands a file to the browser as a download: a Blob, an object URL, and a link with `download` clicked
 * once. The URL is revoked after the click has been handled (a later task), so the download has started.
 */
export const downloadFile = (file: { fileName: string; mimeType: string; text: string }, doc: Document = document): void => {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
};
