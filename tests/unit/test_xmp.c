/*
 * test_xmp.c: XMP packets as real tools write them, hostile packets, and
 * ExtendedXMP joining.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "read/facts.h"
#include "photoconsent/photoconsent.h"
#include "read/xmp.h"

#define HEAD \
	"<x:xmpmeta xmlns:x='adobe:ns:meta/'>" \
	"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
#define TAIL "</rdf:RDF></x:xmpmeta>"

/* Every namespace the library reads, with the prefixes tools use. */
#define NAMESPACES \
	" xmlns:mwg-rs='http://www.metadataworkinggroup.com/schemas/regions/'" \
	" xmlns:stArea='http://ns.adobe.com/xmp/sType/Area#'" \
	" xmlns:stDim='http://ns.adobe.com/xap/1.0/sType/Dimensions#'" \
	" xmlns:MP='http://ns.microsoft.com/photo/1.2/'" \
	" xmlns:MPRI='http://ns.microsoft.com/photo/1.2/t/RegionInfo#'" \
	" xmlns:MPReg='http://ns.microsoft.com/photo/1.2/t/Region#'" \
	" xmlns:Iptc4xmpExt='http://iptc.org/std/Iptc4xmpExt/2008-02-29/'" \
	" xmlns:dc='http://purl.org/dc/elements/1.1/'" \
	" xmlns:digiKam='http://www.digikam.org/ns/1.0/'" \
	" xmlns:lr='http://ns.adobe.com/lightroom/1.0/'" \
	" xmlns:MicrosoftPhoto='http://ns.microsoft.com/photo/1.0/'" \
	" xmlns:exif='http://ns.adobe.com/exif/1.0/'" \
	" xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/'" \
	" xmlns:xmp='http://ns.adobe.com/xap/1.0/'" \
	" xmlns:tiff='http://ns.adobe.com/tiff/1.0/'" \
	" xmlns:xmpNote='http://ns.adobe.com/xmp/note/'"

#define PACKET(body) HEAD "<rdf:Description rdf:about=''" NAMESPACES ">" body "</rdf:Description>" TAIL

static void read_len(struct pc__facts *facts, const char *xmp, size_t len)
{
	pc__facts_init(facts);
	cr_assert_eq(pc__xmp_read(facts, xmp, len, "XMP", NULL), 0);
}

static void read_xmp(struct pc__facts *facts, const char *xmp)
{
	read_len(facts, xmp, strlen(xmp));
}

static void assert_no_errors(const struct pc__facts *facts)
{
	cr_assert_eq(facts->errors.n, 0, "unexpected error: %s",
	             facts->errors.n ? facts->errors.v[0] : "");
}

/* How many recorded errors contain `needle`. */
static size_t errors_with(const struct pc__facts *facts, const char *needle)
{
	size_t n = 0;
	for (size_t i = 0; i < facts->errors.n; i++)
		if (strstr(facts->errors.v[i], needle))
			n++;
	return n;
}

static void assert_area(const struct pc__raw_region *r, double x, double y, double w, double h)
{
	cr_assert(r->has_area);
	cr_assert_float_eq(r->x, x, 1e-9);
	cr_assert_float_eq(r->y, y, 1e-9);
	cr_assert_float_eq(r->w, w, 1e-9);
	cr_assert_float_eq(r->h, h, 1e-9);
}

/* ------------------------------------------------------------ regions */

Test(xmp, mwg_regions_digikam_attribute_form)
{
	struct pc__facts f;
	read_xmp(&f, PACKET(
		"<mwg-rs:Regions rdf:parseType='Resource'>"
		" <mwg-rs:AppliedToDimensions stDim:w='4000' stDim:h='3000' stDim:unit='pixel'/>"
		" <mwg-rs:RegionList><rdf:Bag>"
		"  <rdf:li><rdf:Description mwg-rs:Name='Amy Jones' mwg-rs:Type='Face'>"
		"   <mwg-rs:Area stArea:x='0.5' stArea:y='0.4' stArea:w='0.1' stArea:h='0.2'"
		"    stArea:unit='normalized'/>"
		"  </rdf:Description></rdf:li>"
		"  <rdf:li><rdf:Description mwg-rs:Name='Rex' mwg-rs:Type='Pet'>"
		"   <mwg-rs:Area stArea:x='0.25' stArea:y='0.75' stArea:w='0.05' stArea:h='0.06'"
		"    stArea:unit='normalized'/>"
		"  </rdf:Description></rdf:li>"
		" </rdf:Bag></mwg-rs:RegionList>"
		"</mwg-rs:Regions>"));
	assert_no_errors(&f);
	cr_assert_eq(f.region_count, 2);
	cr_assert_str_eq(f.regions[0].name, "Amy Jones");
	cr_assert_str_eq(f.regions[0].type, "Face");
	cr_assert_eq(f.regions[0].source, PC_SOURCE_MWG_REGION);
	assert_area(&f.regions[0], 0.5, 0.4, 0.1, 0.2);
	cr_assert_eq(f.regions[0].pixel_unit, 0);
	cr_assert_float_eq(f.regions[0].applied_w, 4000.0, 1e-9);
	cr_assert_float_eq(f.regions[0].applied_h, 3000.0, 1e-9);
	cr_assert_str_eq(f.regions[1].name, "Rex");
	cr_assert_str_eq(f.regions[1].type, "Pet");
	assert_area(&f.regions[1], 0.25, 0.75, 0.05, 0.06);
	pc__facts_release(&f);
}

Test(xmp, mwg_regions_exiftool_parse_type_resource)
{
	struct pc__facts f;
	read_xmp(&f, PACKET(
		"<mwg-rs:Regions rdf:parseType='Resource'>"
		" <mwg-rs:AppliedToDimensions rdf:parseType='Resource'>"
		"  <stDim:h>2448</stDim:h><stDim:unit>pixel</stDim:unit><stDim:w>3264</stDim:w>"
		" </mwg-rs:AppliedToDimensions>"
		" <mwg-rs:RegionList><rdf:Bag>"
		"  <rdf:li rdf:parseType='Resource'>"
		"   <mwg-rs:Area rdf:parseType='Resource'>"
		"    <stArea:h>4.8e+02</stArea:h><stArea:unit>pixel</stArea:unit>"
		"    <stArea:w>3.2e+02</stArea:w><stArea:x>1.6e+03</stArea:x><stArea:y>5e+02</stArea:y>"
		"   </mwg-rs:Area>"
		"   <mwg-rs:Name>Ben Smith</mwg-rs:Name>"
		"   <mwg-rs:Type>Face</mwg-rs:Type>"
		"  </rdf:li>"
		" </rdf:Bag></mwg-rs:RegionList>"
		"</mwg-rs:Regions>"));
	assert_no_errors(&f);
	cr_assert_eq(f.region_count, 1);
	cr_assert_str_eq(f.regions[0].name, "Ben Smith");
	cr_assert_str_eq(f.regions[0].type, "Face");
	assert_area(&f.regions[0], 1600, 500, 320, 480);
	cr_assert_eq(f.regions[0].pixel_unit, 1);
	cr_assert_float_eq(f.regions[0].applied_w, 3264.0, 1e-9);
	cr_assert_float_eq(f.regions[0].applied_h, 2448.0, 1e-9);
	pc__facts_release(&f);
}

Test(xmp, mwg_regions_lightroom_nested_descriptions)
{
	struct pc__facts f;
	read_xmp(&f, PACKET(
		"<mwg-rs:Regions>"
		" <rdf:Description>"
		"  <mwg-rs:AppliedToDimensions>"
		"   <rdf:Description stDim:w='6000' stDim:h='4000' stDim:unit='pixel'/>"
		"  </mwg-rs:AppliedToDimensions>"
		"  <mwg-rs:RegionList><rdf:Bag>"
		"   <rdf:li rdf:parseType='Resource'>"
		"    <mwg-rs:Name>Chloe Davies</mwg-rs:Name>"
		"    <mwg-rs:Type>Face</mwg-rs:Type>"
		"    <mwg-rs:Area>"
		"     <rdf:Description stArea:x='0.3' stArea:y='0.35' stArea:w='0.12'"
		"      stArea:h='0.18' stArea:unit='normalized'/>"
		"    </mwg-rs:Area>"
		"   </rdf:li>"
		"   <rdf:li>"
		"    <rdf:Description mwg-rs:Name='Dan Evans'>"
		"     <mwg-rs:Type>Face</mwg-rs:Type>"
		"    </rdf:Description>"
		"   </rdf:li>"
		"  </rdf:Bag></mwg-rs:RegionList>"
		" </rdf:Description>"
		"</mwg-rs:Regions>"));
	assert_no_errors(&f);
	cr_assert_eq(f.region_count, 2);
	cr_assert_str_eq(f.regions[0].name, "Chloe Davies");
	assert_area(&f.regions[0], 0.3, 0.35, 0.12, 0.18);
	cr_assert_float_eq(f.regions[0].applied_w, 6000.0, 1e-9);
	cr_assert_float_eq(f.regions[0].applied_h, 4000.0, 1e-9);
	cr_assert_str_eq(f.regions[1].name, "Dan Evans");
	cr_assert_str_eq(f.regions[1].type, "Face");
	cr_assert_eq(f.regions[1].has_area, 0);
	pc__facts_release(&f);
}

Test(xmp, mwg_region_info_property_name_is_read_too)
{
	struct pc__facts f;
	read_xmp(&f, PACKET(
		"<mwg-rs:RegionInfo rdf:parseType='Resource'>"
		" <mwg-rs:RegionList><rdf:Seq>"
		"  <rdf:li mwg-rs:Name='Eve Fox' mwg-rs:Type='Face'/>"
		" </rdf:Seq></mwg-rs:RegionList>"
		"</mwg-rs:RegionInfo>"));
	assert_no_errors(&f);
	cr_assert_eq(f.region_count, 1);
	cr_assert_str_eq(f.regions[0].name, "Eve Fox");
	cr_assert_float_eq(f.regions[0].applied_w, 0.0, 1e-9);
	pc__facts_release(&f);
}

Test(xmp, unnamed_face_without_area_is_still_a_region)
{
	struct pc__facts f;
	read_xmp(&f, PACKET(
		"<mwg-rs:Regions rdf:parseType='Resource'><mwg-rs:RegionList><rdf:Bag>"
		" <rdf:li rdf:parseType='Resource'><mwg-rs:Type>Face</mwg-rs:Type></rdf:li>"
		" <rdf:li rdf:parseType='Resource'><mwg-rs:Name>  </mwg-rs:Name></rdf:li>"
		"</rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>"));
	assert_no_errors(&f);
	cr_assert_eq(f.region_count, 2);
	cr_assert_null(f.regions[0].name);
	cr_assert_str_eq(f.regions[0].type, "Face");
	cr_assert_eq(f.regions[0].has_area, 0);
	cr_assert_null(f.regions[1].name, "a blank name is no name");
	cr_assert_null(f.regions[1].type);
	pc__facts_release(&f);
}

Test(xmp, empty_region_list_has_no_regions)
{
	struct pc__facts f;
	read_xmp(&f, PACKET(
		"<mwg-rs:Regions rdf:parseType='Resource'>"
		" <mwg-rs:RegionList> </mwg-rs:RegionList>"
		"</mwg-rs:Regions>"
		"<MP:RegionInfo rdf:parseType='Resource'><MPRI:Regions><rdf:Bag/></MPRI:Regions>"
		"</MP:RegionInfo>"));
	assert_no_errors(&f);
	cr_assert_eq(f.region_count, 0);
	pc__facts_release(&f);
}

Test(xmp, region_area_that_is_not_numbers_has_no_area)
{
	static const char *const bad[] = { "abc", "nan", "inf", "0.5px", "", "0x1p-1", " " };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char xmp[4096];
		struct pc__facts f;
		snprintf(xmp, sizeof(xmp), PACKET(
			"<mwg-rs:Regions rdf:parseType='Resource'><mwg-rs:RegionList><rdf:Bag>"
			" <rdf:li><rdf:Description mwg-rs:Name='Amy Jones' mwg-rs:Type='Face'>"
			"  <mwg-rs:Area stArea:x='%s' stArea:y='0.4' stArea:w='0.1' stArea:h='0.2'/>"
			" </rdf:Description></rdf:li>"
			"</rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>"), bad[i]);
		read_xmp(&f, xmp);
		cr_assert_eq(f.region_count, 1, "x='%s'", bad[i]);
		cr_assert_str_eq(f.regions[0].name, "Amy Jones");
		cr_assert_eq(f.regions[0].has_area, 0, "x='%s' was taken as a number", bad[i]);
		pc__facts_release(&f);
	}
}

Test(xmp, applied_dimensions_that_are_not_positive_are_zero)
{
	struct pc__facts f;
	read_xmp(&f, PACKET(
		"<mwg-rs:Regions rdf:parseType='Resource'>"
		" <mwg-rs:AppliedToDimensions stDim:w='-4000' stDim:h='big'/>"
		" <mwg-rs:RegionList><rdf:Bag><rdf:li mwg-rs:Type='Face'/></rdf:Bag></mwg-rs:RegionList>"
		"</mwg-rs:Regions>"));
	cr_assert_eq(f.region_count, 1);
	cr_assert_float_eq(f.regions[0].applied_w, 0.0, 1e-9);
	cr_assert_float_eq(f.regions[0].applied_h, 0.0, 1e-9);
	pc__facts_release(&f);
}

Test(xmp, unusual_prefixes_are_resolved_by_namespace_uri)
{
	struct pc__facts f;
	read_xmp(&f,
		"<meta:xmpmeta xmlns:meta='adobe:ns:meta/'>"
		"<R:RDF xmlns:R='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
		"<R:Description xmlns:regions='http://www.metadataworkinggroup.com/schemas/regions/'"
		" xmlns:area='http://ns.adobe.com/xmp/sType/Area#'"
		" xmlns:kw='http://purl.org/dc/elements/1.1/'"
		" xmlns:dc='http://example.com/not-dublin-core/'>"
		" <regions:Regions R:parseType='Resource'><regions:RegionList><R:Bag>"
		"  <R:li R:parseType='Resource'><regions:Name>Amy Jones</regions:Name>"
		"   <regions:Area area:x='0.5' area:y='0.4' area:w='0.1' area:h='0.2'/></R:li>"
		" </R:Bag></regions:RegionList></regions:Regions>"
		" <kw:subject><R:Bag><R:li>Sports Day</R:li></R:Bag></kw:subject>"
		" <dc:subject><R:Bag><R:li>not a keyword</R:li></R:Bag></dc:subject>"
		"</R:Description></R:RDF></meta:xmpmeta>");
	assert_no_errors(&f);
	cr_assert_eq(f.region_count, 1);
	cr_assert_str_eq(f.regions[0].name, "Amy Jones");
	assert_area(&f.regions[0], 0.5, 0.4, 0.1, 0.2);
	cr_assert_eq(f.keywords[PC__KW_DC_SUBJECT].n, 1, "only the real dc namespace counts");
	cr_assert_str_eq(f.keywords[PC__KW_DC_SUBJECT].v[0], "Sports Day");
	pc__facts_release(&f);
}

Test(xmp, mp_regions_rectangle_is_parsed)
{
	struct pc__facts f;
	/* As Windows Photo Gallery writes it: nested rdf:Description all the way. */
	read_xmp(&f, PACKET(
		"<MP:RegionInfo><rdf:Description><MPRI:Regions><rdf:Bag>"
		" <rdf:li><rdf:Description>"
		"  <MPReg:Rectangle>0.403125, 0.330598, 0.192188, 0.288394</MPReg:Rectangle>"
		"  <MPReg:PersonDisplayName>Bill Murray</MPReg:PersonDisplayName>"
		" </rdf:Description></rdf:li>"
		" <rdf:li MPReg:PersonDisplayName='Amy Jones' MPReg:Rectangle='0.1 0.2  0.3,0.4'/>"
		" <rdf:li MPReg:PersonDisplayName='Ben Smith' MPReg:Rectangle='0.1, 0.2, 0.3'/>"
		" <rdf:li MPReg:Rectangle='0.1, 0.2, 0.3, 0.4, 0.5'/>"
		"</rdf:Bag></MPRI:Regions></rdf:Description></MP:RegionInfo>"));
	assert_no_errors(&f);
	cr_assert_eq(f.region_count, 4);
	cr_assert_eq(f.regions[0].source, PC_SOURCE_MP_REGION);
	cr_assert_str_eq(f.regions[0].name, "Bill Murray");
	cr_assert_null(f.regions[0].type);
	assert_area(&f.regions[0], 0.403125, 0.330598, 0.192188, 0.288394);
	cr_assert_str_eq(f.regions[1].name, "Amy Jones");
	assert_area(&f.regions[1], 0.1, 0.2, 0.3, 0.4);
	cr_assert_str_eq(f.regions[2].name, "Ben Smith");
	cr_assert_eq(f.regions[2].has_area, 0, "three numbers are not a rectangle");
	cr_assert_null(f.regions[3].name);
	cr_assert_eq(f.regions[3].has_area, 0, "five numbers are not a rectangle");
	pc__facts_release(&f);
}

/* ------------------------------------------------------ people, events */

Test(xmp, person_in_image_bag)
{
	struct pc__facts f;
	read_xmp(&f, PACKET(
		"<Iptc4xmpExt:PersonInImage><rdf:Bag>"
		" <rdf:li>Amy Jones</rdf:li><rdf:li> </rdf:li><rdf:li>\n\tBen  Smith </rdf:li>"
		"</rdf:Bag></Iptc4xmpExt:PersonInImage>"));
	assert_no_errors(&f);
	cr_assert_eq(f.persons_in_image.n, 2);
	cr_assert_str_eq(f.persons_in_image.v[0], "Amy Jones");
	cr_assert_str_eq(f.persons_in_image.v[1], "Ben  Smith");
	pc__facts_release(&f);
}

Test(xmp, person_details_name_as_lang_alt_or_plain_text)
{
	struct pc__facts f;
	read_xmp(&f, PACKET(
		"<Iptc4xmpExt:PersonInImageWDetails><rdf:Bag>"
		" <rdf:li rdf:parseType='Resource'>"
		"  <Iptc4xmpExt:PersonId><rdf:Bag><rdf:li>pupil:123</rdf:li></rdf:Bag></Iptc4xmpExt:PersonId>"
		"  <Iptc4xmpExt:PersonName><rdf:Alt>"
		"   <rdf:li xml:lang='fr'>Amélie Dubois (fr)</rdf:li>"
		"   <rdf:li xml:lang='x-default'>Amélie Dubois</rdf:li>"
		"  </rdf:Alt></Iptc4xmpExt:PersonName>"
		" </rdf:li>"
		" <rdf:li rdf:parseType='Resource'>"
		"  <Iptc4xmpExt:PersonName>Ben Smith</Iptc4xmpExt:PersonName>"
		" </rdf:li>"
		" <rdf:li Iptc4xmpExt:PersonName='Chloe Davies'/>"
		"</rdf:Bag></Iptc4xmpExt:PersonInImageWDetails>"));
	assert_no_errors(&f);
	cr_assert_eq(f.persons_in_image.n, 3);
	cr_assert_str_eq(f.persons_in_image.v[0], "Amélie Dubois");
	cr_assert_str_eq(f.persons_in_image.v[1], "Ben Smith");
	cr_assert_str_eq(f.persons_in_image.v[2], "Chloe Davies");
	pc__facts_release(&f);
}

Test(xmp, event_lang_alt_prefers_x_default_even_when_not_first)
{
	struct pc__facts f;
	read_xmp(&f, PACKET(
		"<Iptc4xmpExt:Event><rdf:Alt>"
		" <rdf:li xml:lang='en-GB'>Sports Day (en-GB)</rdf:li>"
		" <rdf:li xml:lang='X-Default'>Sports Day 2026</rdf:li>"
		"</rdf:Alt></Iptc4xmpExt:Event>"));
	assert_no_errors(&f);
	cr_assert_eq(f.events.n, 1);
	cr_assert_str_eq(f.events.v[0], "Sports Day 2026");
	pc__facts_release(&f);
}

Test(xmp, event_lang_alt_without_x_default_takes_the_first)
{
	struct pc__facts f;
	read_xmp(&f, PACKET(
		"<Iptc4xmpExt:Event><rdf:Alt>"
		" <rdf:li xml:lang='en-GB'>Sports Day</rdf:li>"
		" <rdf:li xml:lang='de'>Sportfest</rdf:li>"
		"</rdf:Alt></Iptc4xmpExt:Event>"));
	cr_assert_eq(f.events.n, 1);
	cr_assert_str_eq(f.events.v[0], "Sports Day");
	pc__facts_release(&f);
}

Test(xmp, event_as_plain_text_attribute_and_qualified_value)
{
	struct pc__facts f;
	read_xmp(&f,
		HEAD
		"<rdf:Description" NAMESPACES ">"
		" <Iptc4xmpExt:Event>Nativity Play</Iptc4xmpExt:Event></rdf:Description>"
		"<rdf:Description" NAMESPACES " Iptc4xmpExt:Event='Harvest Festival'/>"
		"<rdf:Description" NAMESPACES ">"
		" <Iptc4xmpExt:Event rdf:parseType='Resource'>"
		"  <rdf:value>Leavers Assembly</rdf:value><xmp:Label>qualifier</xmp:Label>"
		" </Iptc4xmpExt:Event>"
		" <Iptc4xmpExt:Event rdf:value='Book Week' xmp:Label='qualifier'/>"
		"</rdf:Description>" TAIL);
	assert_no_errors(&f);
	cr_assert_eq(f.events.n, 4);
	cr_assert_str_eq(f.events.v[0], "Nativity Play");
	cr_assert_str_eq(f.events.v[1], "Harvest Festival");
	cr_assert_str_eq(f.events.v[2], "Leavers Assembly");
	cr_assert_str_eq(f.events.v[3], "Book Week");
	pc__facts_release(&f);
}

/* ---------------------------------------------------- keywords, texts */

Test(xmp, keyword_fields_each_go_to_their_own_list_as_written)
{
	struct pc__facts f;
	read_xmp(&f, PACKET(
		"<dc:subject><rdf:Bag><rdf:li>Amy Jones</rdf:li>"
		" <rdf:li>People/Year 3/Amy Jones</rdf:li></rdf:Bag></dc:subject>"
		"<digiKam:TagsList><rdf:Seq><rdf:li>People/Year 3/Amy Jones</rdf:li>"
		" <rdf:li>Events/Sports Day 2026</rdf:li></rdf:Seq></digiKam:TagsList>"
		"<lr:hierarchicalSubject><rdf:Bag><rdf:li>People</rdf:li>"
		" <rdf:li>People|Year 4</rdf:li><rdf:li>People|Year 4|Chloe Davies</rdf:li>"
		"</rdf:Bag></lr:hierarchicalSubject>"
		"<MicrosoftPhoto:LastKeywordXMP><rdf:Bag><rdf:li>People/Ben Smith</rdf:li>"
		"</rdf:Bag></MicrosoftPhoto:LastKeywordXMP>"));
	assert_no_errors(&f);
	cr_assert_eq(f.keywords[PC__KW_DC_SUBJECT].n, 2);
	cr_assert_str_eq(f.keywords[PC__KW_DC_SUBJECT].v[0], "Amy Jones");
	cr_assert_str_eq(f.keywords[PC__KW_DC_SUBJECT].v[1], "People/Year 3/Amy Jones");
	cr_assert_eq(f.keywords[PC__KW_DIGIKAM].n, 2);
	cr_assert_str_eq(f.keywords[PC__KW_DIGIKAM].v[1], "Events/Sports Day 2026");
	cr_assert_eq(f.keywords[PC__KW_LR].n, 3);
	cr_assert_str_eq(f.keywords[PC__KW_LR].v[2], "People|Year 4|Chloe Davies");
	cr_assert_eq(f.keywords[PC__KW_MS].n, 1);
	cr_assert_str_eq(f.keywords[PC__KW_MS].v[0], "People/Ben Smith");
	cr_assert_eq(f.keywords[PC__KW_IPTC].n, 0);
	pc__facts_release(&f);
}

Test(xmp, description_lang_alt_takes_x_default)
{
	struct pc__facts f;
	read_xmp(&f, PACKET(
		"<dc:description><rdf:Alt>"
		" <rdf:li xml:lang='cy'>Diwrnod chwaraeon</rdf:li>"
		" <rdf:li xml:lang='x-default'>Sports day, &amp; Amy\non the track</rdf:li>"
		"</rdf:Alt></dc:description>"));
	assert_no_errors(&f);
	cr_assert_str_eq(f.texts[PC__TEXT_XMP_DESCRIPTION], "Sports day, & Amy on the track");
	pc__facts_release(&f);
}

Test(xmp, properties_written_as_description_attributes)
{
	struct pc__facts f;
	read_xmp(&f, HEAD
		"<rdf:Description rdf:about='' dc:format='image/jpeg' MicrosoftPhoto:Rating='1'"
		" exif:GPSLatitude='51,30.5N' tiff:Orientation='6'"
		" xmp:CreateDate='2026-07-03T10:15:00+01:00'" NAMESPACES "/>"
		"<rdf:Description rdf:about=''" NAMESPACES ">"
		" <dc:subject><rdf:Bag><rdf:li>Trip</rdf:li></rdf:Bag></dc:subject>"
		"</rdf:Description>" TAIL);
	assert_no_errors(&f);
	cr_assert_eq(f.gps, 1);
	cr_assert_eq(f.orientation, 6);
	cr_assert_str_eq(f.dates[PC__DATE_XMP], "2026-07-03T10:15:00");
	cr_assert_eq(f.keywords[PC__KW_DC_SUBJECT].n, 1);
	cr_assert_str_eq(f.keywords[PC__KW_DC_SUBJECT].v[0], "Trip");
	pc__facts_release(&f);
}

/* ------------------------------------------------------------- dates */

Test(xmp, date_preference_does_not_depend_on_order)
{
	struct pc__facts f;
	read_xmp(&f, PACKET(
		"<xmp:CreateDate>2026-07-05T09:00:00</xmp:CreateDate>"
		"<photoshop:DateCreated>2026-07-04</photoshop:DateCreated>"
		"<exif:DateTimeOriginal>2026-07-03T10:15:00+01:00</exif:DateTimeOriginal>"));
	assert_no_errors(&f);
	cr_assert_str_eq(f.dates[PC__DATE_XMP], "2026-07-03T10:15:00");
	pc__facts_release(&f);

	read_xmp(&f, PACKET(
		"<xmp:CreateDate>2026-07-05T09:00:00</xmp:CreateDate>"
		"<photoshop:DateCreated>2026-07-04</photoshop:DateCreated>"));
	cr_assert_str_eq(f.dates[PC__DATE_XMP], "2026-07-04");
	pc__facts_release(&f);
}

Test(xmp, dates_are_normalised_keeping_what_is_given)
{
	static const char *const cases[][2] = {
		{ "2026-07-03T10:15:00+01:00", "2026-07-03T10:15:00" },
		{ "2026-07-03T10:15", "2026-07-03T10:15:00" },
		{ "2026-07-03T10:15:30.25Z", "2026-07-03T10:15:30" },
		{ "2026-07-03T10:15:30-0530", "2026-07-03T10:15:30" },
		{ "2008-05-25T19:31:26.0+1:00", "2008-05-25T19:31:26" },
		{ "2026-07-03", "2026-07-03" },
		{ "2026-07", "2026-07" },
		{ "2026", "2026" },
		{ "2024-02-29", "2024-02-29" },
		{ "2026:07:03 10:15:00", "2026-07-03T10:15:00" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char xmp[4096];
		struct pc__facts f;
		snprintf(xmp, sizeof(xmp),
		         PACKET("<exif:DateTimeOriginal>%s</exif:DateTimeOriginal>"), cases[i][0]);
		read_xmp(&f, xmp);
		assert_no_errors(&f);
		cr_assert_not_null(f.dates[PC__DATE_XMP], "%s", cases[i][0]);
		cr_assert_str_eq(f.dates[PC__DATE_XMP], cases[i][1], "%s", cases[i][0]);
		pc__facts_release(&f);
	}
}

Test(xmp, impossible_dates_are_refused_with_an_error)
{
	static const char *const bad[] = {
		"2026-13-01", "2026-02-30", "2025-02-29", "2026-07-32", "2026-07-03T25:00",
		"2026-07-03T10:60", "0000-00-00", "26-07-03", "2026-07-03T10:15:00+01:00 extra",
		"2026-07-03T10", "yesterday",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char xmp[4096];
		struct pc__facts f;
		snprintf(xmp, sizeof(xmp), PACKET("<xmp:CreateDate>%s</xmp:CreateDate>"), bad[i]);
		read_xmp(&f, xmp);
		cr_assert_null(f.dates[PC__DATE_XMP], "%s was taken", bad[i]);
		cr_assert_eq(errors_with(&f, "xmp:CreateDate"), 1, "%s", bad[i]);
		pc__facts_release(&f);
	}
}

Test(xmp, invalid_preferred_date_falls_back_to_the_next)
{
	struct pc__facts f;
	read_xmp(&f, PACKET(
		"<exif:DateTimeOriginal>2026-13-03T10:15:00</exif:DateTimeOriginal>"
		"<xmp:CreateDate>2026-07-05</xmp:CreateDate>"));
	cr_assert_str_eq(f.dates[PC__DATE_XMP], "2026-07-05");
	cr_assert_eq(f.errors.n, 1);
	cr_assert_str_eq(f.errors.v[0],
	                 "XMP exif:DateTimeOriginal '2026-13-03T10:15:00' is not a valid date; ignored");
	pc__facts_release(&f);
}

/* ------------------------------------------ GPS, orientation, extended */

Test(xmp, gps_latitude_marks_a_position)
{
	struct pc__facts f;
	read_xmp(&f, PACKET("<exif:GPSLatitude>51,30.123N</exif:GPSLatitude>"));
	cr_assert_eq(f.gps, 1);
	pc__facts_release(&f);

	read_xmp(&f, PACKET("<exif:GPSLatitude> </exif:GPSLatitude><exif:GPSLongitude>0,7W</exif:GPSLongitude>"));
	cr_assert_eq(f.gps, 0, "an empty latitude is no position");
	pc__facts_release(&f);
}

Test(xmp, tiff_orientation_does_not_override_exif)
{
	struct pc__facts f;
	const char *xmp = PACKET("<tiff:Orientation>8</tiff:Orientation>");

	pc__facts_init(&f);
	f.orientation = 6; /* from EXIF, read first */
	cr_assert_eq(pc__xmp_read(&f, xmp, strlen(xmp), "XMP", NULL), 0);
	cr_assert_eq(f.orientation, 6);
	pc__facts_release(&f);

	read_xmp(&f, xmp);
	cr_assert_eq(f.orientation, 8);
	pc__facts_release(&f);

	read_xmp(&f, PACKET("<tiff:Orientation>9</tiff:Orientation>"));
	cr_assert_eq(f.orientation, 0);
	cr_assert_eq(errors_with(&f, "tiff:Orientation '9'"), 1);
	pc__facts_release(&f);
}

Test(xmp, has_extended_xmp_gives_the_guid)
{
	struct pc__facts f;
	char guid[33];
	const char *xmp = PACKET(
		"<xmpNote:HasExtendedXMP>B9AC266F143C5DB7510D1CBEC51C924A</xmpNote:HasExtendedXMP>");
	const char *bad = PACKET("<xmpNote:HasExtendedXMP>B9AC266F</xmpNote:HasExtendedXMP>");

	pc__facts_init(&f);
	memcpy(guid, "junk", 5);
	cr_assert_eq(pc__xmp_read(&f, xmp, strlen(xmp), "XMP", guid), 0);
	cr_assert_str_eq(guid, "B9AC266F143C5DB7510D1CBEC51C924A");
	assert_no_errors(&f);
	pc__facts_release(&f);

	pc__facts_init(&f);
	cr_assert_eq(pc__xmp_read(&f, bad, strlen(bad), "XMP", guid), 0);
	cr_assert_str_eq(guid, "");
	cr_assert_eq(errors_with(&f, "HasExtendedXMP 'B9AC266F'"), 1);
	pc__facts_release(&f);

	/* Without a place for it (the extended packet itself), it is ignored. */
	read_xmp(&f, bad);
	assert_no_errors(&f);
	pc__facts_release(&f);
}

/* ------------------------------------------------ packaging of packets */

Test(xmp, xpacket_wrapper_and_trailing_padding_are_not_errors)
{
	struct pc__facts f;
	struct pc__buf b;
	pc__buf_init(&b, 0);
	cr_assert_eq(pc__buf_puts(&b, "<?xpacket begin='\xEF\xBB\xBF' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
	                              PACKET("<dc:subject><rdf:Bag><rdf:li>Trip</rdf:li></rdf:Bag>"
	                                     "</dc:subject>")), 0);
	for (int i = 0; i < 2000; i++)
		cr_assert_eq(pc__buf_putc(&b, i % 100 == 99 ? '\n' : ' '), 0);
	cr_assert_eq(pc__buf_puts(&b, "<?xpacket end='w'?>"), 0);
	for (int i = 0; i < 300; i++)
		cr_assert_eq(pc__buf_putc(&b, '\0'), 0);

	read_len(&f, b.data, b.len);
	assert_no_errors(&f);
	cr_assert_eq(f.keywords[PC__KW_DC_SUBJECT].n, 1);
	cr_assert_str_eq(f.keywords[PC__KW_DC_SUBJECT].v[0], "Trip");
	pc__facts_release(&f);
	pc__buf_release(&b);
}

Test(xmp, bom_and_xml_declaration_after_white_space)
{
	struct pc__facts f;
	read_xmp(&f, "\xEF\xBB\xBF" PACKET("<dc:subject><rdf:Bag><rdf:li>Trip</rdf:li></rdf:Bag></dc:subject>"));
	assert_no_errors(&f);
	cr_assert_eq(f.keywords[PC__KW_DC_SUBJECT].n, 1);
	pc__facts_release(&f);

	read_xmp(&f, "\n  <?xml version='1.0' encoding='UTF-8'?>"
	             PACKET("<dc:subject><rdf:Bag><rdf:li>Trip</rdf:li></rdf:Bag></dc:subject>"));
	assert_no_errors(&f);
	cr_assert_eq(f.keywords[PC__KW_DC_SUBJECT].n, 1);
	pc__facts_release(&f);
}

Test(xmp, junk_after_the_root_element_is_ignored)
{
	struct pc__facts f;
	const char xmp[] = PACKET("<dc:subject><rdf:Bag><rdf:li>Trip</rdf:li></rdf:Bag></dc:subject>")
		"\n<?xpacket end='w'?>\0\0garbage</not-xml>\xFF\xFE";
	read_len(&f, xmp, sizeof(xmp) - 1);
	assert_no_errors(&f);
	cr_assert_eq(f.keywords[PC__KW_DC_SUBJECT].n, 1);
	pc__facts_release(&f);
}

Test(xmp, utf16_packet_is_read)
{
	struct pc__facts f;
	const char *ascii = "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
		PACKET("<dc:subject><rdf:Bag><rdf:li>Trip</rdf:li></rdf:Bag></dc:subject>")
		"\n<?xpacket end='w'?>\n";
	size_t n = strlen(ascii);
	char *be = calloc(2 * n + 8, 1);
	cr_assert_not_null(be);
	for (size_t i = 0; i < n; i++)
		be[2 * i + 1] = ascii[i];
	/* padding in UTF-16 too, then a stray odd byte */
	read_len(&f, be, 2 * n + 5);
	assert_no_errors(&f);
	cr_assert_eq(f.keywords[PC__KW_DC_SUBJECT].n, 1);
	cr_assert_str_eq(f.keywords[PC__KW_DC_SUBJECT].v[0], "Trip");
	pc__facts_release(&f);
	free(be);
}

Test(xmp, empty_packet_is_an_error)
{
	struct pc__facts f;
	read_len(&f, "  \n\0\0", 5);
	cr_assert_eq(f.errors.n, 1);
	cr_assert_str_eq(f.errors.v[0], "XMP is empty");
	pc__facts_release(&f);
}

/* ---------------------------------------------------- hostile packets */

Test(xmp, billion_laughs_doctype_is_refused_without_expansion, .timeout = 10)
{
	struct pc__facts f;
	const char *xmp =
		"<?xml version='1.0'?>\n"
		"<!DOCTYPE lolz [\n"
		" <!ENTITY lol 'lol'>\n"
		" <!ENTITY lol1 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>\n"
		" <!ENTITY lol2 '&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;'>\n"
		" <!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>\n"
		" <!ENTITY lol4 '&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;'>\n"
		" <!ENTITY lol5 '&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;'>\n"
		" <!ENTITY lol6 '&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;'>\n"
		" <!ENTITY lol7 '&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;'>\n"
		" <!ENTITY lol8 '&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;'>\n"
		" <!ENTITY lol9 '&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;'>\n"
		"]>\n"
		PACKET("<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>&lol9;</rdf:li>"
		       "</rdf:Alt></dc:description>"
		       "<dc:subject><rdf:Bag><rdf:li>&lol9;</rdf:li></rdf:Bag></dc:subject>");
	clock_t start = clock();
	read_xmp(&f, xmp);
	cr_assert_lt((double)(clock() - start) / CLOCKS_PER_SEC, 1.0);
	cr_assert_eq(f.errors.n, 1);
	cr_assert_str_eq(f.errors.v[0], "XMP has a DOCTYPE declaration; refused (entity expansion)");
	cr_assert_null(f.texts[PC__TEXT_XMP_DESCRIPTION]);
	cr_assert_eq(f.keywords[PC__KW_DC_SUBJECT].n, 0);
	pc__facts_release(&f);
}

Test(xmp, external_entity_doctype_is_refused)
{
	struct pc__facts f;
	read_xmp(&f, "<!DOCTYPE x SYSTEM 'file:///etc/passwd'>"
	             PACKET("<dc:subject><rdf:Bag><rdf:li>Trip</rdf:li></rdf:Bag></dc:subject>"));
	cr_assert_eq(errors_with(&f, "DOCTYPE"), 1);
	cr_assert_eq(f.keywords[PC__KW_DC_SUBJECT].n, 0);
	pc__facts_release(&f);
}

Test(xmp, deep_nesting_is_refused_without_crashing)
{
	struct pc__facts f;
	struct pc__buf b;
	pc__buf_init(&b, 0);
	cr_assert_eq(pc__buf_puts(&b, HEAD "<rdf:Description" NAMESPACES ">"
	                              "<dc:subject><rdf:Bag><rdf:li>Trip</rdf:li></rdf:Bag></dc:subject>"), 0);
	for (int i = 0; i < 10000; i++)
		cr_assert_eq(pc__buf_puts(&b, "<dc:subject>"), 0);
	for (int i = 0; i < 10000; i++)
		cr_assert_eq(pc__buf_puts(&b, "</dc:subject>"), 0);
	cr_assert_eq(pc__buf_puts(&b, "</rdf:Description>" TAIL), 0);

	read_len(&f, b.data, b.len);
	cr_assert_eq(f.errors.n, 1);
	cr_assert_str_eq(f.errors.v[0], "XMP nests deeper than 64 levels");
	/* What was whole before the refusal is kept. */
	cr_assert_eq(f.keywords[PC__KW_DC_SUBJECT].n, 1);
	cr_assert_str_eq(f.keywords[PC__KW_DC_SUBJECT].v[0], "Trip");
	pc__facts_release(&f);
	pc__buf_release(&b);
}

Test(xmp, too_many_elements_are_refused)
{
	struct pc__facts f;
	struct pc__buf b;
	pc__buf_init(&b, 0);
	cr_assert_eq(pc__buf_puts(&b, HEAD "<rdf:Description" NAMESPACES ">"
	                              "<dc:subject><rdf:Bag><rdf:li>Trip</rdf:li></rdf:Bag></dc:subject>"), 0);
	for (int i = 0; i < PC__XMP_MAX_NODES; i++)
		cr_assert_eq(pc__buf_puts(&b, "<a/>"), 0);
	cr_assert_eq(pc__buf_puts(&b, "</rdf:Description>" TAIL), 0);

	read_len(&f, b.data, b.len);
	cr_assert_eq(f.errors.n, 1);
	cr_assert_str_eq(f.errors.v[0], "XMP has more than 100000 elements; the rest is not read");
	cr_assert_eq(f.keywords[PC__KW_DC_SUBJECT].n, 1);
	pc__facts_release(&f);
	pc__buf_release(&b);
}

Test(xmp, malformed_xml_names_the_byte_and_keeps_what_was_read)
{
	struct pc__facts f;
	const char *xmp = HEAD "<rdf:Description" NAMESPACES ">\n"
		"<dc:subject><rdf:Bag><rdf:li>Trip</rdf:li></rdf:Bag></dc:subject>\n"
		"<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Amy Jones</rdf:li>"
		"<rdf:li>Ben Smith</rdf:oops></rdf:Bag></Iptc4xmpExt:PersonInImage>\n"
		"</rdf:Description>" TAIL;
	char expected[200];
	const char *bad = strstr(xmp, "</rdf:oops>");
	/* expat points at the name in the bad end tag, on the third line;
	 * columns count from 1. */
	const char *third = strchr(strchr(xmp, '\n') + 1, '\n') + 1;
	snprintf(expected, sizeof(expected),
	         "XMP is malformed at byte %zu (line 3, column %zu): mismatched tag",
	         (size_t)(bad + 2 - xmp), (size_t)(bad + 2 - third) + 1);

	read_xmp(&f, xmp);
	cr_assert_eq(f.errors.n, 1);
	cr_assert_str_eq(f.errors.v[0], expected);
	cr_assert_eq(f.keywords[PC__KW_DC_SUBJECT].n, 1);
	cr_assert_str_eq(f.keywords[PC__KW_DC_SUBJECT].v[0], "Trip");
	/* The item before the fault closed; the broken one did not. */
	cr_assert_eq(f.persons_in_image.n, 1);
	cr_assert_str_eq(f.persons_in_image.v[0], "Amy Jones");
	pc__facts_release(&f);
}

Test(xmp, packet_cut_short_keeps_whole_regions_only)
{
	struct pc__facts f;
	const char *xmp = PACKET(
		"<mwg-rs:Regions rdf:parseType='Resource'><mwg-rs:RegionList><rdf:Bag>"
		" <rdf:li mwg-rs:Name='Amy Jones' mwg-rs:Type='Face'/>"
		" <rdf:li rdf:parseType='Resource'><mwg-rs:Name>Ben Smith</mwg-rs:Name>"
		"  <mwg-rs:Type>Face</mwg-rs:Type></rdf:li>"
		" <rdf:li rdf:parseType='Resource'><mwg-rs:Name>Chloe Davies</mwg-rs:Name>"
		"  <mwg-rs:Type>Fa");
	/* PACKET's closing tags are cut off by the length. */
	size_t len = (size_t)(strstr(xmp, ">Fa</rdf:Description>") - xmp) + 3;
	read_len(&f, xmp, len);
	cr_assert_eq(f.errors.n, 1);
	cr_assert(strstr(f.errors.v[0], "XMP is malformed at byte"), "%s", f.errors.v[0]);
	cr_assert_eq(f.region_count, 2);
	cr_assert_str_eq(f.regions[0].name, "Amy Jones");
	cr_assert_str_eq(f.regions[1].name, "Ben Smith");
	pc__facts_release(&f);
}

Test(xmp, bag_of_5000_stops_at_4096_with_one_error)
{
	struct pc__facts f;
	struct pc__buf b;
	pc__buf_init(&b, 0);
	cr_assert_eq(pc__buf_puts(&b, HEAD "<rdf:Description" NAMESPACES "><dc:subject><rdf:Bag>"), 0);
	for (int i = 0; i < 5000; i++)
		cr_assert_eq(pc__buf_printf(&b, "<rdf:li>k%d</rdf:li>", i), 0);
	cr_assert_eq(pc__buf_puts(&b, "</rdf:Bag></dc:subject></rdf:Description>" TAIL), 0);

	read_len(&f, b.data, b.len);
	cr_assert_eq(f.keywords[PC__KW_DC_SUBJECT].n, PC__FACTS_MAX_ITEMS);
	cr_assert_str_eq(f.keywords[PC__KW_DC_SUBJECT].v[4095], "k4095");
	cr_assert_eq(f.errors.n, 1);
	cr_assert_str_eq(f.errors.v[0], "XMP has more than 4096 dc:subject keywords; the rest are not read");
	pc__facts_release(&f);
	pc__buf_release(&b);
}

Test(xmp, very_long_value_is_cut_with_an_error)
{
	struct pc__facts f;
	struct pc__buf b;
	pc__buf_init(&b, 0);
	cr_assert_eq(pc__buf_puts(&b, HEAD "<rdf:Description" NAMESPACES "><dc:description><rdf:Alt>"
	                              "<rdf:li xml:lang='x-default'>"), 0);
	/* After one ASCII byte, two-byte characters: the cut at 65536 bytes
	 * would split one, so it must fall a byte earlier. */
	cr_assert_eq(pc__buf_putc(&b, 'y'), 0);
	for (int i = 0; i < 50000; i++)
		cr_assert_eq(pc__buf_puts(&b, "\xC3\xA9"), 0);
	cr_assert_eq(pc__buf_puts(&b, "x</rdf:li></rdf:Alt></dc:description></rdf:Description>" TAIL), 0);

	read_len(&f, b.data, b.len);
	cr_assert_eq(f.errors.n, 1);
	cr_assert_str_eq(f.errors.v[0], "XMP has a value longer than 64 KiB; only its start is read");
	const char *t = f.texts[PC__TEXT_XMP_DESCRIPTION];
	cr_assert_not_null(t);
	cr_assert_eq(strlen(t), 64u * 1024 - 1);
	cr_assert_eq(strstr(t, "\xEF\xBF\xBD"), NULL, "a character was split");
	cr_assert_eq(strchr(t, 'x'), NULL);
	pc__facts_release(&f);
	pc__buf_release(&b);
}

/* --------------------------------------------------------- ExtendedXMP */

#define GUID "B9AC266F143C5DB7510D1CBEC51C924A"
#define OTHER_GUID "0123456789ABCDEF0123456789ABCDEF"

static unsigned char ext_data[80000];

static struct pc__xmp_chunk chunk(const char *guid, uint32_t full, uint32_t offset, size_t len)
{
	struct pc__xmp_chunk c;
	memset(&c, 0, sizeof(c));
	memcpy(c.guid, guid, 33);
	c.full_length = full;
	c.offset = offset;
	c.data = ext_data + offset;
	c.len = len;
	return c;
}

static void fill_ext_data(void)
{
	for (size_t i = 0; i < sizeof(ext_data); i++)
		ext_data[i] = (unsigned char)('a' + i % 26);
}

static int join(struct pc__facts *f, char **out, size_t *out_len,
                const struct pc__xmp_chunk *chunks, size_t n)
{
	pc__facts_init(f);
	fill_ext_data();
	return pc__xmp_extended_join(out, out_len, f, GUID, chunks, n);
}

Test(xmp, extended_chunks_in_order_are_joined)
{
	struct pc__facts f;
	char *out;
	size_t len;
	struct pc__xmp_chunk c[] = {
		chunk(GUID, 72000, 0, 65000),
		chunk(GUID, 72000, 65000, 7000),
	};
	cr_assert_eq(join(&f, &out, &len, c, 2), 0);
	cr_assert_eq(len, 72000);
	cr_assert_eq(memcmp(out, ext_data, 72000), 0);
	cr_assert_eq(out[72000], '\0');
	assert_no_errors(&f);
	free(out);
	pc__facts_release(&f);
}

Test(xmp, extended_chunks_out_of_order_with_another_guid_are_joined)
{
	struct pc__facts f;
	char *out;
	size_t len;
	struct pc__xmp_chunk c[] = {
		chunk(GUID, 72000, 65000, 7000),
		chunk(OTHER_GUID, 99, 0, 99),
		chunk(GUID, 72000, 30000, 35000),
		chunk(OTHER_GUID, 99999, 0, 5),
		chunk(GUID, 72000, 0, 30000),
	};
	cr_assert_eq(join(&f, &out, &len, c, 5), 0);
	cr_assert_eq(len, 72000);
	cr_assert_eq(memcmp(out, ext_data, 72000), 0);
	assert_no_errors(&f);
	free(out);
	pc__facts_release(&f);
}

Test(xmp, extended_chunks_that_overlap_are_refused)
{
	struct pc__facts f;
	char unset;
	char *out = &unset;
	size_t len;
	struct pc__xmp_chunk c[] = {
		chunk(GUID, 72000, 65000, 7000),
		chunk(GUID, 72000, 0, 66000),
	};
	cr_assert_eq(join(&f, &out, &len, c, 2), PC_EFORMAT);
	cr_assert_null(out);
	cr_assert_eq(f.errors.n, 1);
	cr_assert_str_eq(f.errors.v[0], "ExtendedXMP chunks overlap at byte 65000");
	pc__facts_release(&f);
}

Test(xmp, extended_chunk_repeated_byte_for_byte_is_read_once)
{
	struct pc__facts f;
	char *out;
	size_t len;
	struct pc__xmp_chunk c[] = {
		chunk(GUID, 72000, 65000, 7000),
		chunk(GUID, 72000, 0, 65000),
		chunk(GUID, 72000, 65000, 7000),
	};
	cr_assert_eq(join(&f, &out, &len, c, 3), 0);
	cr_assert_eq(len, 72000);
	cr_assert_eq(memcmp(out, ext_data, 72000), 0);
	assert_no_errors(&f);
	free(out);
	pc__facts_release(&f);
}

Test(xmp, extended_chunks_at_one_offset_that_differ_are_refused)
{
	struct pc__facts f;
	char unset;
	char *out = &unset;
	size_t len;
	struct pc__xmp_chunk c[] = {
		chunk(GUID, 72000, 0, 65000),
		chunk(GUID, 72000, 65000, 7000),
		chunk(GUID, 72000, 65000, 7000),
	};
	c[2].data = ext_data + 1; /* same place, other bytes */
	cr_assert_eq(join(&f, &out, &len, c, 3), PC_EFORMAT);
	cr_assert_null(out);
	cr_assert_str_eq(f.errors.v[0], "ExtendedXMP chunks overlap at byte 65000");
	pc__facts_release(&f);
}

Test(xmp, extended_chunk_past_the_declared_length_is_refused)
{
	struct pc__facts f;
	char *out;
	size_t len;
	struct pc__xmp_chunk c[] = {
		chunk(GUID, 72000, 0, 70000),
		chunk(GUID, 72000, 70000, 4000),
	};
	cr_assert_eq(join(&f, &out, &len, c, 2), PC_EFORMAT);
	cr_assert_null(out);
	cr_assert_str_eq(f.errors.v[0],
	                 "ExtendedXMP chunk at offset 70000 (4000 bytes) runs past the declared length 72000");
	pc__facts_release(&f);
}

Test(xmp, extended_chunks_disagreeing_on_length_are_refused)
{
	struct pc__facts f;
	char *out;
	size_t len;
	struct pc__xmp_chunk c[] = {
		chunk(GUID, 72000, 0, 65000),
		chunk(GUID, 80000, 65000, 7000),
	};
	cr_assert_eq(join(&f, &out, &len, c, 2), PC_EFORMAT);
	cr_assert_null(out);
	cr_assert_str_eq(f.errors.v[0], "ExtendedXMP chunks disagree on the total length (72000, 80000)");
	pc__facts_release(&f);
}

Test(xmp, extended_chunks_with_a_gap_are_refused)
{
	struct pc__facts f;
	char *out;
	size_t len;
	struct pc__xmp_chunk middle[] = {
		chunk(GUID, 72000, 0, 30000),
		chunk(GUID, 72000, 40000, 32000),
	};
	struct pc__xmp_chunk end[] = { chunk(GUID, 72000, 0, 65000) };

	cr_assert_eq(join(&f, &out, &len, middle, 2), PC_EFORMAT);
	cr_assert_str_eq(f.errors.v[0], "ExtendedXMP is incomplete: bytes 30000 to 39999 are missing");
	pc__facts_release(&f);

	cr_assert_eq(join(&f, &out, &len, end, 1), PC_EFORMAT);
	cr_assert_null(out);
	cr_assert_str_eq(f.errors.v[0], "ExtendedXMP is incomplete: bytes 65000 to 71999 are missing");
	pc__facts_release(&f);
}

Test(xmp, extended_with_no_chunk_for_the_guid_is_not_found)
{
	struct pc__facts f;
	char *out;
	size_t len;
	struct pc__xmp_chunk c[] = { chunk(OTHER_GUID, 100, 0, 100) };
	cr_assert_eq(join(&f, &out, &len, c, 1), PC_ENOTFOUND);
	cr_assert_null(out);
	cr_assert_eq(f.errors.n, 1);
	cr_assert_str_eq(f.errors.v[0],
	                 "XMP promises ExtendedXMP '" GUID "' but no segment carries it");
	pc__facts_release(&f);
}

Test(xmp, extended_declaring_too_much_is_refused)
{
	struct pc__facts f;
	char *out;
	size_t len;
	struct pc__xmp_chunk c[] = { chunk(GUID, 300000000, 0, 65000) };
	cr_assert_eq(join(&f, &out, &len, c, 1), PC_ETOOBIG);
	cr_assert_null(out);
	cr_assert_str_eq(f.errors.v[0], "ExtendedXMP declares 300000000 bytes, more than the 16 MiB limit");
	pc__facts_release(&f);
}

Test(xmp, joined_extended_xmp_parses)
{
	static const char ext[] = PACKET(
		"<mwg-rs:Regions rdf:parseType='Resource'><mwg-rs:RegionList><rdf:Bag>"
		" <rdf:li mwg-rs:Name='Amy Jones' mwg-rs:Type='Face'/>"
		"</rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>");
	size_t n = sizeof(ext) - 1, half = n / 2;
	struct pc__xmp_chunk c[2];
	struct pc__facts f;
	char *out;
	size_t len;

	c[0] = chunk(GUID, (uint32_t)n, (uint32_t)half, n - half);
	c[0].data = (const unsigned char *)ext + half;
	c[1] = chunk(GUID, (uint32_t)n, 0, half);
	c[1].data = (const unsigned char *)ext;
	pc__facts_init(&f);
	cr_assert_eq(pc__xmp_extended_join(&out, &len, &f, GUID, c, 2), 0);
	cr_assert_eq(pc__xmp_read(&f, out, len, "ExtendedXMP", NULL), 0);
	assert_no_errors(&f);
	cr_assert_eq(f.region_count, 1);
	cr_assert_str_eq(f.regions[0].name, "Amy Jones");
	free(out);
	pc__facts_release(&f);
}
