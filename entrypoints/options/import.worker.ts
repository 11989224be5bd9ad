// The options page's import worker: reads, checks and stores a dataset file off the main thread.
import { runImportJob } from '../../lib/platform/import-job';

self.onmessage = (event: MessageEvent<{ file: File }>) => {
  void runImportJob(event.data.file, (message) => self.postMessage(message));
};
