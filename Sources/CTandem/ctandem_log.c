// Logging through libqb, loaded on first use.
//
// libqb (and libsystemd, libgcrypt… behind it) costs ~0.7 ms at every exec when linked;
// meta-data and most monitors log nothing, so it is dlopen'ed only when a logger opens.
// qb_log() is a macro that registers call sites in an ELF section of the caller; with a
// dlopen'ed libqb we use its entry point for foreign callers,
// qb_log_from_external_source(), which creates the call site on the fly.
#include "ctandem.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <syslog.h>
#include <qb/qbdefs.h>
#include <qb/qblog.h>

typedef struct {
    void (*init)(const char *, int32_t, uint8_t);
    int32_t (*ctl)(int32_t, enum qb_log_conf, int32_t);
    int32_t (*filter_ctl)(int32_t, enum qb_log_filter_conf, enum qb_log_filter_type, const char *, uint8_t);
    void (*format_set)(int32_t, const char *);
    int32_t (*file_open)(const char *);
    void (*fini)(void);
    void (*from_external_source)(const char *, const char *, const char *, uint8_t, uint32_t, uint32_t, ...);
} ctandem_qb_api;

static ctandem_qb_api qb;
static int ctandem_log_ready = 0;
// The configuration waits here until the first message: most agent invocations log
// nothing, and loading libqb is the expensive part.
static ctandem_log_config pending;
static char pending_ident[256];
static char pending_logfile[4096];
static int pending_set = 0;

static int ctandem_qb_load(void)
{
    static int loaded = 0;
    if (loaded) {
        return loaded > 0 ? 0 : -1;
    }
    void *handle = dlopen("libqb.so.100", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        handle = dlopen("libqb.so", RTLD_NOW | RTLD_LOCAL);
    }
    if (handle != NULL) {
        *(void **)(&qb.init) = dlsym(handle, "qb_log_init");
        *(void **)(&qb.ctl) = dlsym(handle, "qb_log_ctl");
        *(void **)(&qb.filter_ctl) = dlsym(handle, "qb_log_filter_ctl");
        *(void **)(&qb.format_set) = dlsym(handle, "qb_log_format_set");
        *(void **)(&qb.file_open) = dlsym(handle, "qb_log_file_open");
        *(void **)(&qb.fini) = dlsym(handle, "qb_log_fini");
        *(void **)(&qb.from_external_source) = dlsym(handle, "qb_log_from_external_source");
    }
    loaded = (handle != NULL && qb.init && qb.ctl && qb.filter_ctl && qb.format_set && qb.file_open && qb.fini
              && qb.from_external_source) ? 1 : -1;
    return loaded > 0 ? 0 : -1;
}

const char *ctandem_log_load_error(void)
{
    static int reported = 0;
    if (ctandem_qb_load() == 0 || reported) {
        return NULL;
    }
    reported = 1;
    return "libqb (libqb.so.100) could not be loaded";
}

int ctandem_log_configure(const ctandem_log_config *config)
{
    pending = *config;
    snprintf(pending_ident, sizeof pending_ident, "%s", config->ident ? config->ident : "tandem");
    pending.ident = pending_ident;
    if (config->logfile != NULL) {
        snprintf(pending_logfile, sizeof pending_logfile, "%s", config->logfile);
        pending.logfile = pending_logfile;
    }
    pending_set = 1;
    return 0;
}

int ctandem_log_open(const ctandem_log_config *config)
{
    if (ctandem_qb_load() != 0) {
        return -ENOENT;
    }
    int result = 0;
    int facility = config->syslog_facility >= 0 ? config->syslog_facility : LOG_DAEMON;
    uint8_t floor = config->debug ? LOG_DEBUG : LOG_INFO;

    // qb_log_init enables syslog and stderr targets with defaults; set each explicitly.
    qb.init(config->ident, facility, floor);
    qb.ctl(QB_LOG_SYSLOG, QB_LOG_CONF_ENABLED, config->syslog_facility >= 0 ? QB_TRUE : QB_FALSE);
    if (config->syslog_facility >= 0) {
        qb.ctl(QB_LOG_SYSLOG, QB_LOG_CONF_FACILITY, facility);
        qb.filter_ctl(QB_LOG_SYSLOG, QB_LOG_FILTER_ADD, QB_LOG_FILTER_FILE, "*", floor);
        qb.format_set(QB_LOG_SYSLOG, "%b");  // syslog() adds ident[pid] itself
    }

    qb.ctl(QB_LOG_STDERR, QB_LOG_CONF_ENABLED, config->to_stderr ? QB_TRUE : QB_FALSE);
    if (config->to_stderr) {
        qb.filter_ctl(QB_LOG_STDERR, QB_LOG_FILTER_ADD, QB_LOG_FILTER_FILE, "*", floor);
        qb.format_set(QB_LOG_STDERR, "%N[%P]: %b");
    }

    if (config->logfile != NULL && config->logfile[0] != '\0') {
        int32_t target = qb.file_open(config->logfile);
        if (target < 0) {
            result = target;
        } else {
            qb.filter_ctl(target, QB_LOG_FILTER_ADD, QB_LOG_FILTER_FILE, "*", floor);
            qb.format_set(target, "%t %N[%P]: %b");
            qb.ctl(target, QB_LOG_CONF_ENABLED, QB_TRUE);
        }
    }
    qb.ctl(QB_LOG_BLACKBOX, QB_LOG_CONF_ENABLED, QB_FALSE);
    ctandem_log_ready = 1;
    return result;
}

int ctandem_log(int priority, const char *message)
{
    int result = 0;
    if (!ctandem_log_ready) {
        if (!pending_set) {
            return ctandem_qb_load() == 0 ? -EINVAL : -ENOENT;
        }
        pending_set = 0;
        result = ctandem_log_open(&pending);
        if (!ctandem_log_ready) {
            return result;
        }
    }
    qb.from_external_source(__func__, "tandem", "%s", (uint8_t)priority, 0, 0, message);
    return result;
}

void ctandem_log_close(void)
{
    if (ctandem_log_ready) {
        qb.fini();
        ctandem_log_ready = 0;
    }
}
