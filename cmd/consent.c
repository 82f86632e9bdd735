/* photoconsent consent: record consent given, refused or withdrawn, and
 * show a pupil's history. Records are only ever appended. */
#include <stdio.h>

#include "dbcmd.h"

static const char about[] =
	"grant and refuse record a parent's answer for one pupil and purpose;\n"
	"withdraw records that a consent was withdrawn. Nothing is overwritten: each\n"
	"appends a record, and the latest one in force counts (on the same day a\n"
	"refusal or withdrawal beats a grant). history prints every record of a\n"
	"pupil, oldest first, with who recorded it and when.\n";

static const char epilog[] =
	"Who records it is $PHOTOCONSENT_USER, else $USER, else the login name.\n"
	"\n"
	"Exit status: 0 done; 64 usage error; 65 unknown pupil or purpose, a bad\n"
	"date, a grant for an always-denied purpose, or not a photoconsent\n"
	"database; 66 no database; 74 the database cannot be written; 75 another\n"
	"writer holds the database.\n";

/* grant and refuse. */
static const struct cmd_opt answer_table[] = {
	CMD_ARG("PUPIL", NULL),
	CMD_ARG("PURPOSE", NULL),
	CMD_DATE("on", "DATE", 0,
	  "grant, refuse: the day the form was signed; withdraw: the\n"
	  "day the withdrawal takes effect (default: today)"),
	CMD_DATE("until", "DATE", 0, "the last day a grant is in force (default: no end)"),
	CMD_TEXT("note", "TEXT", 0, "kept with the record"),
	CMD_END,
};

/* A withdrawal has no end: no --until. */
static const struct cmd_opt withdraw_table[] = {
	CMD_ARG("PUPIL", NULL),
	CMD_ARG("PURPOSE", NULL),
	CMD_DATE("on", "DATE", 0, NULL),
	CMD_TEXT("note", "TEXT", 0, NULL),
	CMD_END,
};

static const struct cmd_opt history_table[] = {
	CMD_ARG("PUPIL", NULL),
	CMD_END,
};

static int record(int argc, char **argv, const struct cmd_call *call, enum pc_decision d)
{
	struct pc_consent_record r = { 0 };
	const char *on = NULL, *pos[2] = { NULL };
	void *const answer[] = { &pos[0], &pos[1], &on, &r.expires_on, &r.note };
	void *const withdrawal[] = { &pos[0], &pos[1], &on, &r.note };
	int withdraw = d == PC_DECISION_WITHDRAWN;
	pc_store *store = NULL;
	struct pc_error e = PC_ERROR_INIT;
	struct pc_consent_status st;
	char today[11], detail[96];
	int status, err;

	if (cmd_parse(&status, call, argc, argv, withdraw ? withdrawal : answer,
	              withdraw ? CMD_COUNT(withdrawal) : CMD_COUNT(answer)))
		return status;
	r.pupil_id = pos[0];
	r.purpose_id = pos[1];
	r.decision = d;
	r.recorded_by = cmd_user();
	if (d == PC_DECISION_WITHDRAWN)
		r.withdrawn_on = on;
	else
		r.signed_on = on;
	if ((status = cmd_store_open(&store, call->ctx, PC_STORE_WRITE)))
		return status;
	pc_date_today(today);
	/* A withdrawal of what was never granted is still recorded (it can
	 * only keep a photo back), but the person should know it undid
	 * nothing: the form may be for another child or purpose. */
	int was_granted = 1;
	if (d == PC_DECISION_WITHDRAWN &&
	    !pc_store_consent_in_force(&st, store, r.pupil_id, r.purpose_id, on ? on : today,
	                               NULL)) {
		was_granted = st.state == PC_CONSENT_GRANTED;
		cmd_consent_detail(detail, sizeof detail, &st);
	}
	if ((err = pc_store_consent_add(store, &r, &e))) {
		status = cmd_store_fail(&e, err);
		goto done;
	}
	cmd_say(stdout, "recorded: %s %s %s%s %s%s%s", r.pupil_id, r.purpose_id, pc_decision_name(d),
	       d == PC_DECISION_WITHDRAWN ? " from" : ", signed", on ? on : today,
	       r.expires_on ? ", until " : "", r.expires_on ? r.expires_on : "");
	if (!was_granted)
		cmd_say(stdout, "note: there was no consent to withdraw: %s %s was %s (%s) on %s; the "
		        "withdrawal is recorded all the same", r.pupil_id, r.purpose_id,
		       pc_consent_state_name(st.state), detail, on ? on : today);
	if ((err = pc_store_consent_in_force(&st, store, r.pupil_id, r.purpose_id, today, &e))) {
		status = cmd_store_fail(&e, err);
		goto done;
	}
	cmd_consent_detail(detail, sizeof detail, &st);
	printf("in force today: %s, %s\n", pc_consent_state_name(st.state), detail);
done:
	pc_store_free(store);
	return status;
}

static int consent_grant(int argc, char **argv, const struct cmd_call *call)
{
	return record(argc, argv, call, PC_DECISION_GRANTED);
}

static int consent_refuse(int argc, char **argv, const struct cmd_call *call)
{
	return record(argc, argv, call, PC_DECISION_REFUSED);
}

static int consent_withdraw(int argc, char **argv, const struct cmd_call *call)
{
	return record(argc, argv, call, PC_DECISION_WITHDRAWN);
}

static void print_record(const struct pc_consent_record *r, size_t width)
{
	const char *dated = r->decision == PC_DECISION_WITHDRAWN ? r->withdrawn_on : r->signed_on;
	printf("  #%-4lld ", r->seq);
	cmd_pad(r->purpose_id, width + 2);
	printf("%-10s ", pc_decision_name(r->decision));
	if (!dated)
		printf("undated: counts from the day recorded");
	else
		printf("%s %s", r->decision == PC_DECISION_WITHDRAWN ? "from" : "signed", dated);
	if (r->expires_on)
		printf(", until %s", r->expires_on);
	putchar('\n');
	cmd_say(stdout, "        recorded %s by %s%s%s", r->recorded_at, r->recorded_by,
	       r->note ? "; note: " : "", r->note ? r->note : "");
}

static int consent_history(int argc, char **argv, const struct cmd_call *call)
{
	const char *id = NULL;
	pc_store *store = NULL;
	struct pc_error e = PC_ERROR_INIT;
	pc_pupil_list *pupil = NULL;
	pc_consent_list *list = NULL;
	size_t width = 0;
	int status, err;

	void *const places[] = { &id };
	if (cmd_parse(&status, call, argc, argv, places, CMD_COUNT(places)))
		return status;
	if ((status = cmd_store_open(&store, call->ctx, PC_STORE_READ)))
		return status;
	if ((err = pc_store_pupil_get(&pupil, store, id, &e)) ||
	    (err = pc_store_consent_history(&list, store, id, &e))) {
		status = cmd_store_fail(&e, err);
		goto done;
	}
	const struct pc_pupil *p = pc_pupil_list_get(pupil, 0);
	size_t n = pc_consent_list_count(list);
	if (n == 0) {
		cmd_say(stdout, "no consent recorded for %s %s %s", p->id, p->forename, p->surname);
		goto done;
	}
	cmd_say(stdout, "consent records of %s %s %s, oldest first:", p->id, p->forename,
	        p->surname);
	for (size_t i = 0; i < n; i++)
		if (cmd_width(pc_consent_list_get(list, i)->purpose_id) > width)
			width = cmd_width(pc_consent_list_get(list, i)->purpose_id);
	for (size_t i = 0; i < n; i++)
		print_record(pc_consent_list_get(list, i), width);
done:
	pc_consent_list_free(list);
	pc_pupil_list_free(pupil);
	pc_store_free(store);
	return status;
}

static const struct cmd_sub subs[] = {
	{ "grant", consent_grant, answer_table },
	{ "refuse", consent_refuse, answer_table },
	{ "withdraw", consent_withdraw, withdraw_table },
	{ "history", consent_history, history_table },
};

const struct cmd_spec cmd_consent_spec = {
	.name = "consent",
	.subs = subs, .sub_count = CMD_COUNT(subs),
	.about = about, .epilog = epilog,
	.column = 16,
};

int cmd_consent(int argc, char **argv, const struct cmd_context *ctx)
{
	return cmd_group_run(&cmd_consent_spec, argc, argv, ctx);
}
