/*
 * iptc.h: IPTC IIM records, as Photoshop stores them in APP13.
 *
 * Reads Keywords (2:25) into PC__KW_IPTC, Caption/Abstract (2:120) into
 * PC__TEXT_IPTC_CAPTION and Date Created (2:55, with Time Created 2:60)
 * into PC__DATE_IPTC, honouring the coded character set (1:90): UTF-8 when
 * it says so; without it, UTF-8 if the text is valid UTF-8, else Latin-1.
 */
#ifndef PC_IPTC_H
#define PC_IPTC_H

#include <stddef.h>

#include "read/facts.h"

/* `data` is Photoshop image resources ("8BIM" blocks): the APP13 payloads
 * after their "Photoshop 3.0\0" header, joined. Finds resource 0x0404 and
 * reads its IIM. Returns 0 (damage goes into the facts), PC_ENOMEM out of
 * memory. */
int pc__iptc_read_photoshop(struct pc__facts *facts, const unsigned char *data, size_t len);

/* Reads bare IIM datasets (0x1C tag markers). Same returns. */
int pc__iptc_read_iim(struct pc__facts *facts, const unsigned char *data, size_t len);

#endif
