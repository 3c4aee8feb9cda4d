#include "ctandem.h"

#include <errno.h>
#include <syslog.h>
#include <qb/qbdefs.h>
#include <qb/qblog.h>

static int ctandem_log_ready = 0;

int ctandem_log_open(const ctandem_log_config *config)
{
    int result = 0;
    int facility = config->syslog_facility >= 0 ? config->syslog_facility : LOG_DAEMON;
    uint8_t floor = config->debug ? LOG_DEBUG : LOG_INFO;

    // qb_log_init enables syslog and stderr targets with defaults; set each explicitly.
    qb_log_init(config->ident, facility, floor);
    qb_log_ctl(QB_LOG_SYSLOG, QB_LOG_CONF_ENABLED, config->syslog_facility >= 0 ? QB_TRUE : QB_FALSE);
    if (config->syslog_facility >= 0) {
        qb_log_ctl(QB_LOG_SYSLOG, QB_LOG_CONF_FACILITY, facility);
        qb_log_filter_ctl(QB_LOG_SYSLOG, QB_LOG_FILTER_ADD, QB_LOG_FILTER_FILE, "*", floor);
        qb_log_format_set(QB_LOG_SYSLOG, "%b");  // syslog() adds ident[pid] itself
    }

    qb_log_ctl(QB_LOG_STDERR, QB_LOG_CONF_ENABLED, config->to_stderr ? QB_TRUE : QB_FALSE);
    if (config->to_stderr) {
        qb_log_filter_ctl(QB_LOG_STDERR, QB_LOG_FILTER_ADD, QB_LOG_FILTER_FILE, "*", floor);
        qb_log_format_set(QB_LOG_STDERR, "%N[%P]: %b");
    }

    if (config->logfile != NULL && config->logfile[0] != '\0') {
        int32_t target = qb_log_file_open(config->logfile);
        if (target < 0) {
            result = target;
        } else {
            qb_log_filter_ctl(target, QB_LOG_FILTER_ADD, QB_LOG_FILTER_FILE, "*", floor);
            qb_log_format_set(target, "%t %N[%P]: %b");
            qb_log_ctl(target, QB_LOG_CONF_ENABLED, QB_TRUE);
        }
    }
    qb_log_ctl(QB_LOG_BLACKBOX, QB_LOG_CONF_ENABLED, QB_FALSE);
    ctandem_log_ready = 1;
    return result;
}

void ctandem_log(int priority, const char *message)
{
    if (!ctandem_log_ready) {
        return;
    }
    qb_log(priority, "%s", message);
}

void ctandem_log_close(void)
{
    if (ctandem_log_ready) {
        qb_log_fini();
        ctandem_log_ready = 0;
    }
}
