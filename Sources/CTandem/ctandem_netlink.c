#define _GNU_SOURCE
#include "ctandem_netlink.h"

#include <errno.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <linux/sockios.h>
#include <time.h>

int ctandem_setns_net(int fd)
{
    return setns(fd, CLONE_NEWNET);
}

uint32_t ctandem_nl_align(uint32_t length)
{
    return NLMSG_ALIGN(length);
}

uint32_t ctandem_nlmsg_hdrlen(void)
{
    return NLMSG_HDRLEN;
}

int64_t ctandem_last_packet_timestamp_ns(int fd)
{
    struct timespec stamp;
    if (ioctl(fd, SIOCGSTAMPNS, &stamp) != 0)
        return -1;
    return (int64_t)stamp.tv_sec * 1000000000LL + stamp.tv_nsec;
}

int ctandem_set_receive_timeout(int fd, int milliseconds)
{
    struct timeval value = { .tv_sec = milliseconds / 1000, .tv_usec = (milliseconds % 1000) * 1000 };
    return setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, sizeof value);
}

int ctandem_enable_receive_timestamps(int fd)
{
    struct timespec stamp;
    if (ioctl(fd, SIOCGSTAMPNS, &stamp) != 0 && errno != ENOENT)
        return -1;
    return 0;
}
