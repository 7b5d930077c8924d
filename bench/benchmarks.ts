import { accountCreationBenchmark } from './account-creation.bench';
import { announcementAudienceBenchmark, announcementSharingBenchmark } from './announcements.bench';
import { botThroughputBenchmark } from './bot-throughput.bench';
import { deliveryPacingBenchmark } from './delivery-pacing.bench';
import type { Benchmark } from './figure';
import { graphRequestsBenchmark } from './graph-requests.bench';
import { joinPageBenchmark } from './join-page.bench';
import { publicLoadBenchmark } from './public-load.bench';
import { tabFirstLoadBenchmark } from './tab-first-load.bench';
import { uploadApplyBenchmark } from './upload-apply.bench';
import { uploadMemoryBenchmark } from './upload-memory.bench';
import { uploadValidateBenchmark } from './upload-validate.bench';

/**
 * Every benchmark, in the order they run. Each lives in its own file under bench/ and is added here
 * with one line.
 */
export const benchmarks: Benchmark[] = [
  tabFirstLoadBenchmark,
  uploadValidateBenchmark,
  uploadApplyBenchmark,
  uploadMemoryBenchmark,
  botThroughputBenchmark,
  graphRequestsBenchmark,
  deliveryPacingBenchmark,
  publicLoadBenchmark,
  joinPageBenchmark,
  accountCreationBenchmark,
  announcementAudienceBenchmark,
  announcementSharingBenchmark,
];
