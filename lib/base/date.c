/* Dates as the library writes them: "YYYY-MM-DD". */
#include <string.h>
#include <time.h>

#include "photoconsent/photoconsent.h"

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int pc_date_valid(const char *date)
{
	if (!date)
		return 0;
	for (int i = 0; i < 10; i++) {
		char c = date[i];
		if (i == 4 || i == 7) {
			if (c != '-')
				return 0;
		} else if (c < '0' || c > '9') {
			return 0;
		}
	}
	if (date[10] != '\0')
		return 0;
	int y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
	int m = (date[5] - '0') * 10 + (date[6] - '0');
	int d = (date[8] - '0') * 10 + (date[9] - '0');
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= days[m - 1] + (m == 2 && is_leap(y));
}

void pc_date_today(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm) || strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		memcpy(out, "1970-01-01", 11);
}
