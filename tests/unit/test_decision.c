#include <criterion/criterion.h>

#include "photoconsent/photoconsent.h"

Test(decision, each_name_reads_back_as_its_decision)
{
	static const enum pc_decision all[] = { PC_DECISION_GRANTED, PC_DECISION_REFUSED,
		                                PC_DECISION_WITHDRAWN };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		enum pc_decision got = 0;
		const char *name = pc_decision_name(all[i]);
		cr_assert_not_null(name);
		cr_expect_eq(pc_decision_from_name(&got, name), 0);
		cr_expect_eq(got, all[i]);
	}
}

Test(decision, the_names_are_the_words_the_database_stores)
{
	cr_expect_str_eq(pc_decision_name(PC_DECISION_GRANTED), "granted");
	cr_expect_str_eq(pc_decision_name(PC_DECISION_REFUSED), "refused");
	cr_expect_str_eq(pc_decision_name(PC_DECISION_WITHDRAWN), "withdrawn");
}

Test(decision, a_value_that_is_no_decision_has_no_name)
{
	cr_expect_null(pc_decision_name((enum pc_decision)0));
	cr_expect_null(pc_decision_name((enum pc_decision)4));
}

Test(decision, another_word_is_a_format_error_and_leaves_the_decision)
{
	enum pc_decision got = PC_DECISION_REFUSED;
	cr_expect_eq(pc_decision_from_name(&got, "Granted"), PC_EFORMAT);
	cr_expect_eq(pc_decision_from_name(&got, "grant"), PC_EFORMAT);
	cr_expect_eq(pc_decision_from_name(&got, ""), PC_EFORMAT);
	cr_expect_eq(got, PC_DECISION_REFUSED);
}

Test(decision, null_is_invalid)
{
	enum pc_decision got;
	cr_expect_eq(pc_decision_from_name(NULL, "granted"), PC_EINVALID);
	cr_expect_eq(pc_decision_from_name(&got, NULL), PC_EINVALID);
}
