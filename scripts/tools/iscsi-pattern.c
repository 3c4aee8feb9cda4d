/*
 * iscsi-pattern: writes and verifies a data pattern through libiscsi's userspace initiator
 * (Debian's libiscsi-bin has no tool that writes data). Used by `make demo` and the
 * namespace-cluster tests: a block's content names its seed and LBA, so a block that came
 * back from another node's target, stale or from the wrong place, is told apart.
 *
 *   iscsi-pattern write  URL FIRST_LBA COUNT SEED
 *   iscsi-pattern verify URL FIRST_LBA COUNT SEED [RETRY_MS]
 *   iscsi-pattern hold   URL SECONDS [ALIAS]
 *
 * hold logs in and keeps the session for SECONDS (ALIAS: the InitiatorAlias it announces,
 * any bytes: the tests use it to play an initiator whose alias has line breaks).
 *
 * URL is libiscsi's: iscsi://[user%secret@]host[:port]/iqn/lun (or the account from
 * LIBISCSI_CHAP_USERNAME and LIBISCSI_CHAP_PASSWORD, which keeps the secret out of argv).
 * ISCSI_PATTERN_INITIATOR, when set, is the initiator name it logs in with (the tests play an
 * initiator outside a target's ACL); otherwise iqn.2026-01.org.tandem:iscsi-pattern. verify retries the whole
 * connect-and-read every 100 ms for up to RETRY_MS (a target that is failing over) and prints
 * how long it took. Exit: 0 done, 1 a block differs, 2 no connection or a SCSI error.
 * Each write is FUA: acknowledged only once the target has it on its disk.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <iscsi/iscsi.h>
#include <iscsi/scsi-lowlevel.h>

#define BLOCK 512

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void fill(unsigned char *block, uint64_t lba, uint32_t seed)
{
    for (int i = 0; i < BLOCK; i += 16) {
        memcpy(block + i, "TNDM", 4);
        memcpy(block + i + 4, &seed, 4);
        memcpy(block + i + 8, &lba, 8);
    }
}

static struct iscsi_context *connect_url(const char *text, int *lun, int quiet, const char *alias)
{
    const char *initiator = getenv("ISCSI_PATTERN_INITIATOR");
    struct iscsi_context *iscsi = iscsi_create_context(initiator && *initiator ? initiator
                                                       : "iqn.2026-01.org.tandem:iscsi-pattern");
    if (!iscsi)
        return NULL;
    if (alias)
        iscsi_set_alias(iscsi, alias);
    struct iscsi_url *url = iscsi_parse_full_url(iscsi, text);
    if (!url) {
        fprintf(stderr, "iscsi-pattern: bad URL: %s\n", iscsi_get_error(iscsi));
        iscsi_destroy_context(iscsi);
        return NULL;
    }
    iscsi_set_targetname(iscsi, url->target);
    iscsi_set_session_type(iscsi, ISCSI_SESSION_NORMAL);
    iscsi_set_header_digest(iscsi, ISCSI_HEADER_DIGEST_NONE_CRC32C);
    if (url->user[0])
        iscsi_set_initiator_username_pwd(iscsi, url->user, url->passwd);
    iscsi_set_timeout(iscsi, 5);
    *lun = url->lun;
    if (iscsi_full_connect_sync(iscsi, url->portal, url->lun) != 0) {
        if (!quiet)
            fprintf(stderr, "iscsi-pattern: login failed: %s\n", iscsi_get_error(iscsi));
        iscsi_destroy_url(url);
        iscsi_destroy_context(iscsi);
        return NULL;
    }
    iscsi_destroy_url(url);
    return iscsi;
}

/* When the first block was transferred (ms, now_ms's clock); 0 until then. */
static long long first_transfer_ms;

static int transfer(struct iscsi_context *iscsi, int lun, int writing, uint64_t first, uint64_t count,
                    uint32_t seed, int quiet)
{
    unsigned char expected[BLOCK];
    for (uint64_t lba = first; lba < first + count; lba++) {
        fill(expected, lba, seed);
        struct scsi_task *task = writing
            ? iscsi_write16_sync(iscsi, lun, lba, expected, BLOCK, BLOCK, 0, 0, 1, 0, 0)
            : iscsi_read16_sync(iscsi, lun, lba, BLOCK, BLOCK, 0, 0, 0, 0, 0);
        if (!task || task->status != SCSI_STATUS_GOOD) {
            if (!quiet)
                fprintf(stderr, "iscsi-pattern: %s of LBA %" PRIu64 " failed: %s\n", writing ? "write" : "read",
                        lba, iscsi_get_error(iscsi));
            if (task)
                scsi_free_scsi_task(task);
            return 2;
        }
        if (!writing && (task->datain.size != BLOCK || memcmp(task->datain.data, expected, BLOCK) != 0)) {
            fprintf(stderr, "iscsi-pattern: LBA %" PRIu64 " does not hold seed %" PRIu32 "'s pattern\n", lba, seed);
            scsi_free_scsi_task(task);
            return 1;
        }
        scsi_free_scsi_task(task);
        if (first_transfer_ms == 0)
            first_transfer_ms = now_ms();
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && strcmp(argv[1], "hold") == 0) {
        int lun = 0;
        struct iscsi_context *iscsi = connect_url(argv[2], &lun, 0, argc > 4 ? argv[4] : NULL);
        if (!iscsi)
            return 2;
        printf("holding\n");
        fflush(stdout);
        sleep((unsigned)atoi(argv[3]));
        iscsi_destroy_context(iscsi);
        return 0;
    }
    if (argc < 6 || (strcmp(argv[1], "write") != 0 && strcmp(argv[1], "verify") != 0)) {
        fprintf(stderr, "usage: iscsi-pattern write|verify URL FIRST_LBA COUNT SEED [RETRY_MS]\n"
                        "       iscsi-pattern hold URL SECONDS [ALIAS]\n");
        return 2;
    }
    int writing = strcmp(argv[1], "write") == 0;
    uint64_t first = strtoull(argv[3], NULL, 10), count = strtoull(argv[4], NULL, 10);
    uint32_t seed = (uint32_t)strtoul(argv[5], NULL, 10);
    long long retry = argc > 6 ? atoll(argv[6]) : 0;
    long long start = now_ms(), deadline = start + retry;
    int attempts = 0, result = 2;
    for (;;) {
        int lun = 0, quiet = now_ms() + 100 < deadline;
        attempts++;
        struct iscsi_context *iscsi = connect_url(argv[2], &lun, quiet, NULL);
        if (iscsi) {
            result = transfer(iscsi, lun, writing, first, count, seed, quiet);
            iscsi_logout_sync(iscsi);
            iscsi_destroy_context(iscsi);
            if (result != 2)
                break;
        }
        if (now_ms() + 100 >= deadline)
            break;
        usleep(100000);
    }
    if (result == 0)
        printf("%s %" PRIu64 " blocks (seed %" PRIu32 ") in %lld ms, %d attempt(s), the first after %lld ms\n",
               writing ? "wrote" : "verified", count, seed, now_ms() - start, attempts, first_transfer_ms - start);
    return result;
}
