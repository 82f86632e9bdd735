/* export.h: which symbols the shared library exports (only pc_ ones). */
#ifndef PHOTOCONSENT_EXPORT_H
#define PHOTOCONSENT_EXPORT_H

#if defined(PC_BUILDING_LIBRARY) && defined(__GNUC__)
#define PC_EXTERN __attribute__((visibility("default")))
#else
#define PC_EXTERN
#endif

#endif
