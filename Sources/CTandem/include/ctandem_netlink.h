// Kernel interfaces for TandemNetwork that Swift does not import by itself: the
// rtnetlink and packet-socket headers (structs and constants) and the few calls and
// function-like macros (setns, NLMSG_*/RTA_* alignment, SIOCGSTAMPNS) behind them.
#ifndef CTANDEM_NETLINK_H
#define CTANDEM_NETLINK_H

#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/if_packet.h>
#include <linux/if_ether.h>
#include <linux/if_arp.h>
#include <linux/neighbour.h>

/// setns(2) with CLONE_NEWNET: moves the calling thread into the network namespace
/// `fd` refers to. Returns 0, or -1 with errno.
int ctandem_setns_net(int fd);
/// NLMSG_ALIGN / RTA_ALIGN (both align to 4 bytes).
uint32_t ctandem_nl_align(uint32_t length);
/// sizeof(struct nlmsghdr) after alignment (NLMSG_HDRLEN).
uint32_t ctandem_nlmsg_hdrlen(void);
/// The kernel receive timestamp of the last packet read from `fd` (SIOCGSTAMPNS), in
/// nanoseconds on CLOCK_REALTIME; -1 with errno on failure.
int64_t ctandem_last_packet_timestamp_ns(int fd);
/// Makes the kernel stamp each packet for `fd` when it arrives (not when it is read), so
/// that SIOCGSTAMPNS reports arrival times: the first SIOCGSTAMPNS turns stamping on.
/// Returns 0 or -1 with errno.
int ctandem_enable_receive_timestamps(int fd);
/// Sets SO_RCVTIMEO on `fd` to `milliseconds` (0 = block forever). Returns 0 or -1.
int ctandem_set_receive_timeout(int fd, int milliseconds);

#endif
