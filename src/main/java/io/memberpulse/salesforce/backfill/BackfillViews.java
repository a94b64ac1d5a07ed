package io.memberpulse.salesforce.backfill;

/** Builds the progress view of a job from its row and its current counts. */
final class BackfillViews {

    private BackfillViews() {
    }

    static BackfillView of(BackfillJob job, long done, long failed) {
        long pending = Math.max(0, job.total() - done - failed);
        return new BackfillView(job.id(), job.status(), job.mode(), job.total(), done, failed, pending,
                job.apiCalls(), BackfillService.secondsLeft(job, done + failed), job.error(), job.createdAt(),
                job.startedAt(), job.finishedAt());
    }
}
