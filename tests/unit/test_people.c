#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "read/people.h"

static struct pc__facts facts;
static struct pc__people people;

static void setup(void)
{
	pc__facts_init(&facts);
	memset(&people, 0, sizeof(people));
}

static void teardown(void)
{
	pc__people_release(&people);
	pc__facts_release(&facts);
}

TestSuite(people, .init = setup, .fini = teardown);

static void kw(enum pc__kwfield field, const char *value)
{
	cr_assert_eq(pc__strvec_take(&facts.keywords[field], strdup(value)), 0);
}

static void region(const char *name, const char *type, unsigned source)
{
	struct pc__raw_region r = { 0 };
	r.name = name ? strdup(name) : NULL;
	r.type = type ? strdup(type) : NULL;
	r.source = source;
	r.has_area = 1;
	r.x = 0.5, r.y = 0.5, r.w = 0.2, r.h = 0.2;
	cr_assert_eq(pc__facts_add_region(&facts, &r), 0);
}

static void build(void)
{
	cr_assert_eq(pc__people_build(&people, &facts, NULL, 0), 0);
}

static const struct pc_person *person(const char *name)
{
	for (size_t i = 0; i < people.person_count; i++)
		if (people.persons[i].name && !strcmp(people.persons[i].name, name))
			return &people.persons[i];
	return NULL;
}

Test(people, lightroom_ancestor_paths_name_nobody)
{
	kw(PC__KW_LR, "People");
	kw(PC__KW_LR, "People|Year 4");
	kw(PC__KW_LR, "People|Year 4|Chloe Davies");
	build();
	cr_assert_eq(people.person_count, 1);
	cr_expect_str_eq(people.persons[0].name, "Chloe Davies");
	cr_expect_eq(people.persons[0].sources, PC_SOURCE_LR_HIERARCHICAL);
}

Test(people, a_root_alone_names_nobody_but_an_unextended_path_names_its_leaf)
{
	kw(PC__KW_DIGIKAM, "People");
	kw(PC__KW_DIGIKAM, "People/Year 3");
	build();
	cr_assert_eq(people.person_count, 1);
	cr_expect_str_eq(people.persons[0].name, "Year 3");
}

Test(people, roots_match_ignoring_case_and_all_defaults_work)
{
	kw(PC__KW_DIGIKAM, "PUPILS/Amy Jones");
	kw(PC__KW_DIGIKAM, "children/Oliver Smith");
	kw(PC__KW_DIGIKAM, "Students/Isla Taylor");
	kw(PC__KW_DIGIKAM, "Persons/Noah Evans");
	kw(PC__KW_DIGIKAM, "Places/Hollybrook");
	build();
	cr_expect_eq(people.person_count, 4);
	cr_expect_not_null(person("Amy Jones"));
	cr_expect_null(person("Hollybrook"));
}

Test(people, configured_roots_replace_the_defaults)
{
	kw(PC__KW_DIGIKAM, "People/Amy Jones");
	kw(PC__KW_DIGIKAM, "Kids/Oliver Smith");
	const char *roots[] = { "kids" };
	cr_assert_eq(pc__people_build(&people, &facts, roots, 1), 0);
	cr_assert_eq(people.person_count, 1);
	cr_expect_str_eq(people.persons[0].name, "Oliver Smith");
}

Test(people, separators_depend_on_the_field)
{
	kw(PC__KW_DIGIKAM, "People|Amy Jones");   /* digiKam splits at '/' only */
	kw(PC__KW_LR, "People/Oliver Smith");     /* Lightroom at '|' only */
	kw(PC__KW_DC_SUBJECT, "People|Isla Taylor");
	kw(PC__KW_IPTC, "People/Noah Evans");
	kw(PC__KW_XP, "Pupils|Ava Thomas");
	build();
	cr_expect_null(person("Amy Jones"));
	cr_expect_null(person("Oliver Smith"));
	cr_expect_not_null(person("Isla Taylor"));
	cr_expect_not_null(person("Noah Evans"));
	cr_expect_not_null(person("Ava Thomas"));
}

Test(people, flat_keywords_are_keywords_not_people)
{
	kw(PC__KW_DC_SUBJECT, "Harry Wilson");
	build();
	cr_expect_eq(people.person_count, 0);
	cr_assert_eq(people.keyword_count, 1);
	cr_expect_str_eq(people.keywords[0].text, "Harry Wilson");
	cr_expect_eq(people.keywords[0].sources, PC_SOURCE_XMP_KEYWORD);
}

Test(people, one_person_from_several_sources)
{
	region("Amy Jones", "Face", PC_SOURCE_MWG_REGION);
	cr_assert_eq(pc__strvec_take(&facts.persons_in_image, strdup("Jones, Amy")), 0);
	kw(PC__KW_DIGIKAM, "People/amy  JONES");
	kw(PC__KW_IPTC, "People/Amy Jones");
	build();
	cr_assert_eq(people.person_count, 1);
	const struct pc_person *p = &people.persons[0];
	cr_expect_str_eq(p->name, "Amy Jones", "the first spelling is kept");
	cr_expect_eq(p->sources, PC_SOURCE_MWG_REGION | PC_SOURCE_PERSON_IN_IMAGE |
	                         PC_SOURCE_DIGIKAM_TAG | PC_SOURCE_IPTC_KEYWORD);
	cr_expect(p->has_region);
}

Test(people, only_face_regions_are_people)
{
	region("Biscuit", "Pet", PC_SOURCE_MWG_REGION);
	region("Cake", "Focus", PC_SOURCE_MWG_REGION);
	region("1234", "BarCode", PC_SOURCE_MWG_REGION);
	region("Freya Roberts", "Face", PC_SOURCE_MWG_REGION);
	region("Leo Walker", NULL, PC_SOURCE_MWG_REGION);
	region("Sophie Wright", NULL, PC_SOURCE_MP_REGION);
	build();
	cr_expect_eq(people.person_count, 3);
	cr_expect_null(person("Biscuit"));
	cr_expect_not_null(person("Leo Walker"), "a region with no Type is a face");
}

Test(people, each_unnamed_face_is_its_own_person)
{
	region(NULL, "Face", PC_SOURCE_MWG_REGION);
	region(NULL, "Face", PC_SOURCE_MWG_REGION);
	build();
	cr_assert_eq(people.person_count, 2);
	cr_expect_null(people.persons[0].name);
	cr_expect_null(people.persons[1].name);
	cr_expect(people.persons[0].has_region);
}

Test(people, events_from_the_event_field_and_events_keywords_once)
{
	cr_assert_eq(pc__strvec_take(&facts.events, strdup("Sports Day 2026")), 0);
	kw(PC__KW_LR, "Events");
	kw(PC__KW_LR, "Events|sports day 2026");
	kw(PC__KW_DIGIKAM, "Events/Nativity Play 2025");
	build();
	cr_assert_eq(people.events.n, 2);
	cr_expect_str_eq(people.events.v[0], "Sports Day 2026");
	cr_expect_str_eq(people.events.v[1], "Nativity Play 2025");
	cr_expect_not(people.event_from_keyword[0], "named by Iptc4xmpExt:Event first");
	cr_expect(people.event_from_keyword[1], "named only by a keyword");
	cr_expect_eq(people.person_count, 0);
}

Test(people, every_keyword_once_with_all_its_fields)
{
	kw(PC__KW_DC_SUBJECT, "Sports Day");
	kw(PC__KW_IPTC, "Sports Day");
	kw(PC__KW_DC_SUBJECT, "Sports Day");
	build();
	cr_assert_eq(people.keyword_count, 1);
	cr_expect_eq(people.keywords[0].sources, PC_SOURCE_XMP_KEYWORD | PC_SOURCE_IPTC_KEYWORD);
}

Test(people, thousands_of_tags_stay_fast)
{
	char name[64];
	for (int i = 0; i < 2000; i++) {
		snprintf(name, sizeof(name), "People/Year %d/Pupil %d", i % 7, i);
		kw(PC__KW_DIGIKAM, name);
		snprintf(name, sizeof(name), "People/Year %d", i % 7);
		kw(PC__KW_DIGIKAM, name);
	}
	build();
	cr_expect_eq(people.person_count, 2000);
}

Test(people, tags_only_in_the_sidecar_are_not_in_the_file)
{
	cr_assert_eq(pc__strvec_take(&facts.persons_in_image, strdup("Amy Jones")), 0);
	kw(PC__KW_DC_SUBJECT, "harvest");
	pc__facts_mark_sidecar(&facts);
	cr_assert_eq(pc__strvec_take(&facts.persons_in_image, strdup("Oliver Smith")), 0);
	cr_assert_eq(pc__strvec_take(&facts.persons_in_image, strdup("Jones, Amy")), 0);
	kw(PC__KW_DC_SUBJECT, "Harry Wilson");
	build();
	const struct pc_person *amy = person("Amy Jones"), *oliver = person("Oliver Smith");
	cr_assert(amy && oliver);
	cr_expect(amy->in_file, "named in the file, and again in the sidecar");
	cr_expect_not(oliver->in_file, "named only in the sidecar");
	cr_assert_eq(people.keyword_count, 2);
	cr_expect(people.keywords[0].in_file);
	cr_expect_not(people.keywords[1].in_file);
}
