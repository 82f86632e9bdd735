/*
 * report_scan.h: scan's record for one photo, made by the worker that
 * judged it (so that formatting runs in parallel too).
 */
#ifndef PC_REPORT_SCAN_H
#define PC_REPORT_SCAN_H

#include "photoconsent/photoconsent.h"

/* The record of `v` in `format` for `view`, with its newline, into *out
 * (the caller's, free()). A text record leaves out the purpose's `policy`
 * sentence (NULL: none) where a reason ends with it: the summary says it
 * once. 0, or PC_ENOMEM when out of memory. */
int pc__scan_record(char **out, const pc_verdict *v, enum pc_view view,
                    enum pc_scan_format format, const char *policy);

#endif
