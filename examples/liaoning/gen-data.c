/* gen-data.c — the synthetic indicator data for the Beautiful Liaoning rules.
 *
 * Writes examples/liaoning/data.csv: one row per region (辽宁省 and its 14
 * prefecture-level cities) and year (2020..2027), one column per data column
 * of rules/liaoning/beautiful-liaoning.plan.  The numbers are SYNTHETIC:
 * plausible magnitudes and units, made up to exercise every kind of target,
 * not statistics.  examples/liaoning/README.md lists the columns, their
 * units and the planted cases.
 *
 * The output is a pure function of this file: a fixed-seed PRNG of our own
 * (splitmix64, no rand()), arithmetic on doubles rounded to the printed
 * precision with round(), and printf in the C locale.  The ctest
 * liaoning/data-up-to-date regenerates it and compares it with the committed
 * file byte for byte.
 *
 *   gen-data [--only REGION] [--from YEAR] [--to YEAR]
 *            [--set REGION,YEAR,COLUMN=VALUE]... [OUT]
 *
 * --only/--from/--to keep a subset of the rows; --set replaces one cell
 * after generation (VALUE may be empty for a missing cell).  The small data
 * sets of the status-flip tests (tests/run/liaoning-*) are made this way. */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GEN_SEED 0x4C4E32303234ULL /* "LN2024" */
#include "../gen-common.h"

enum { YEAR0 = 2020, YEAR1 = 2027, NYEARS = YEAR1 - YEAR0 + 1, BASE = 2023 };

/* Which regions a column has values for; every other cell is left empty
 * because the targets on it do not apply there (not a missing value). */
typedef enum cover {
    C_ALL,       /* the province and every city */
    C_PROVINCE,  /* the province row only */
    C_CITY,      /* every city, not the province */
    C_COASTAL,   /* the province and the six coastal cities */
    C_SCOPED     /* only the cities named by the column's scope flag */
} cover;

/* Region flags: membership of the groups the rules name. */
enum {
    G_COASTAL = 1,    /* 沿海经济带: 大连 丹东 锦州 营口 盘锦 葫芦岛 */
    G_METRO = 2,      /* 沈阳现代化都市圈: 沈阳 鞍山 抚顺 本溪 阜新 辽阳 铁岭 */
    G_LIAOXI = 4,     /* 辽西: 锦州 阜新 朝阳 葫芦岛 */
    G_NWC = 8,        /* national 无废城市: 沈阳 大连 盘锦 */
    G_PILOT = 16,     /* national carbon-peak pilots: 沈阳 大连 */
    G_HEATING = 32,   /* 北方清洁取暖项目: 阜新 沈阳 营口 盘锦 */
    G_SHENYANG = 64,  /* 浑河城市段 */
    G_FUSHUN = 128,   /* 西露天矿 */
    G_FUXIN = 256,    /* 海州露天矿 */
    G_HULUDAO = 512   /* 止锚湾 */
};

/* One data column. */
typedef struct column {
    const char *name;
    fmt f;
    cover c;
    unsigned scope;   /* C_SCOPED: the region flag that selects the cities */
} column;

/* The columns, in output order.  The enum below indexes this table. */
enum {
    POLLUTANT, ENVQ, ECOQ, CO2,
    R_GREEN_LIFESTYLE, R_GREEN_LOWCARBON, R_ENV_IMPROVEMENT, R_SPATIAL,
    R_ECOSYSTEM, R_LIVING_ENV, R_ECO_SECURITY, R_GOVERNANCE, R_EXEMPLARS,
    R_BEAUTIFUL_LN, R_ECO_CIV,
    ECO_REDLINE, FARMLAND, BASIC_FARMLAND, STABLE_FARMLAND,
    FARMLAND_QUOTA, BASIC_QUOTA, REDLINE_QUOTA, REDLINE_POLICY,
    R_SHENYANG_METRO, R_COASTAL_BELT,
    PEAK_PILOT, GREEN_BUILDING, WATER_SAVING, KEY_EMIS,
    OUTFALL_RECT, OUTFALL_MON,
    COASTAL_GOOD, BAY_RATIO, R_BAY,
    SOIL_TRACING, SOIL_CENSUS,
    NWC_NATIONAL, NWC_PROVINCIAL, HW_STANDARD, HW_CENTER, HW_LANDFILL,
    HORQIN_WON, SANDY_FARMLAND, HORQIN_VEG, HORQIN_WETLAND, ECO_FLOW,
    RIVER_CORRIDORS, LIAOHEKOU, PA_INTEGRATION, PA_SYSTEM, R_LAND_SEA,
    ECO_MONITORING, GREEN_SHIELD,
    GREEN_LN, LIAOHE_PROJECT, SCI_GREENING, FUSHUN_MINE, FUXIN_MINE,
    BIO_CORRIDORS, PA_SHARE, R_BIODIVERSITY, BIO_PROJECT, WILDLIFE_RESCUE,
    NUCLEAR,
    R_METRO_LEAD, R_COASTAL_GREEN, R_LIAOXI_BARRIER,
    HUNHE, ZHIMAOWAN, WATER_NETWORK, CLEAN_HEATING,
    PERMIT, ECO_INFO,
    PROJ_POLL_CARBON, PROJ_ENV_QUALITY, PROJ_ECO_RESTORE, PROJ_INFRA,
    CADRE_RULES, ANNUAL_REPORT, MASTER_OUTLINE, CITY_DOCS,
    ASSESS_INDICATORS, ASSESS_METHOD, ASSESS_TRANSITION,
    NCOLS
};

static const column columns[NCOLS] = {
    [POLLUTANT] = {"pollutant_total_10kt", F_D2, C_ALL, 0},
    [ENVQ] = {"env_quality_index", F_D1, C_ALL, 0},
    [ECOQ] = {"eco_quality_index", F_D1, C_ALL, 0},
    [CO2] = {"co2_10kt", F_INT, C_ALL, 0},
    [R_GREEN_LIFESTYLE] = {"r_green_lifestyle", F_INT, C_ALL, 0},
    [R_GREEN_LOWCARBON] = {"r_green_lowcarbon", F_INT, C_ALL, 0},
    [R_ENV_IMPROVEMENT] = {"r_env_improvement", F_INT, C_ALL, 0},
    [R_SPATIAL] = {"r_spatial_pattern", F_INT, C_ALL, 0},
    [R_ECOSYSTEM] = {"r_ecosystem", F_INT, C_ALL, 0},
    [R_LIVING_ENV] = {"r_living_env", F_INT, C_ALL, 0},
    [R_ECO_SECURITY] = {"r_eco_security", F_INT, C_ALL, 0},
    [R_GOVERNANCE] = {"r_governance", F_INT, C_ALL, 0},
    [R_EXEMPLARS] = {"r_exemplars", F_INT, C_ALL, 0},
    [R_BEAUTIFUL_LN] = {"r_beautiful_liaoning", F_INT, C_ALL, 0},
    [R_ECO_CIV] = {"r_eco_civilization", F_INT, C_ALL, 0},
    [ECO_REDLINE] = {"eco_redline_km2", F_D1, C_ALL, 0},
    [FARMLAND] = {"farmland_ha", F_D1, C_ALL, 0},
    [BASIC_FARMLAND] = {"basic_farmland_ha", F_D1, C_ALL, 0},
    [STABLE_FARMLAND] = {"stable_farmland_ha", F_D1, C_ALL, 0},
    [FARMLAND_QUOTA] = {"farmland_quota_ha", F_D1, C_CITY, 0},
    [BASIC_QUOTA] = {"basic_farmland_quota_ha", F_D1, C_CITY, 0},
    [REDLINE_QUOTA] = {"eco_redline_quota_km2", F_D1, C_CITY, 0},
    [REDLINE_POLICY] = {"eco_redline_policy", F_BOOL, C_PROVINCE, 0},
    [R_SHENYANG_METRO] = {"r_shenyang_metro", F_INT, C_SCOPED, G_METRO},
    [R_COASTAL_BELT] = {"r_coastal_belt", F_INT, C_SCOPED, G_COASTAL},
    [PEAK_PILOT] = {"carbon_peak_pilot", F_BOOL, C_SCOPED, G_PILOT},
    [GREEN_BUILDING] = {"green_building_ratio", F_D1, C_ALL, 0},
    [WATER_SAVING] = {"water_saving_city", F_BOOL, C_CITY, 0},
    [KEY_EMIS] = {"key_industry_emis_10kt", F_D2, C_ALL, 0},
    [OUTFALL_RECT] = {"outfall_rectified_ratio", F_D1, C_ALL, 0},
    [OUTFALL_MON] = {"outfall_monitoring_ratio", F_D1, C_ALL, 0},
    [COASTAL_GOOD] = {"coastal_good_ratio", F_D1, C_COASTAL, 0},
    [BAY_RATIO] = {"beautiful_bay_ratio", F_D1, C_COASTAL, 0},
    [R_BAY] = {"r_beautiful_bay", F_INT, C_COASTAL, 0},
    [SOIL_TRACING] = {"soil_hm_tracing_ratio", F_D1, C_ALL, 0},
    [SOIL_CENSUS] = {"soil_census", F_BOOL, C_PROVINCE, 0},
    [NWC_NATIONAL] = {"nwc_national", F_BOOL, C_SCOPED, G_NWC},
    [NWC_PROVINCIAL] = {"nwc_provincial", F_BOOL, C_CITY, 0},
    [HW_STANDARD] = {"hw_standard", F_BOOL, C_PROVINCE, 0},
    [HW_CENTER] = {"hw_center", F_BOOL, C_PROVINCE, 0},
    [HW_LANDFILL] = {"hw_landfill_10kt", F_D2, C_ALL, 0},
    [HORQIN_WON] = {"horqin_won", F_BOOL, C_PROVINCE, 0},
    [SANDY_FARMLAND] = {"sandy_farmland_ratio", F_D1, C_PROVINCE, 0},
    [HORQIN_VEG] = {"horqin_veg_cover", F_D1, C_PROVINCE, 0},
    [HORQIN_WETLAND] = {"horqin_wetland_ha", F_D1, C_PROVINCE, 0},
    [ECO_FLOW] = {"eco_flow_ratio", F_D1, C_PROVINCE, 0},
    [RIVER_CORRIDORS] = {"river_corridors", F_INT, C_PROVINCE, 0},
    [LIAOHEKOU] = {"liaohekou_park", F_BOOL, C_PROVINCE, 0},
    [PA_INTEGRATION] = {"pa_integration", F_BOOL, C_PROVINCE, 0},
    [PA_SYSTEM] = {"pa_system", F_BOOL, C_PROVINCE, 0},
    [R_LAND_SEA] = {"r_land_sea_eco", F_INT, C_ALL, 0},
    [ECO_MONITORING] = {"eco_monitoring_project", F_BOOL, C_PROVINCE, 0},
    [GREEN_SHIELD] = {"green_shield", F_BOOL, C_PROVINCE, 0},
    [GREEN_LN] = {"green_liaoning", F_BOOL, C_PROVINCE, 0},
    [LIAOHE_PROJECT] = {"liaohe_project", F_BOOL, C_PROVINCE, 0},
    [SCI_GREENING] = {"sci_greening", F_BOOL, C_PROVINCE, 0},
    [FUSHUN_MINE] = {"fushun_west_mine", F_BOOL, C_SCOPED, G_FUSHUN},
    [FUXIN_MINE] = {"fuxin_haizhou_mine", F_BOOL, C_SCOPED, G_FUXIN},
    [BIO_CORRIDORS] = {"bio_corridors", F_INT, C_PROVINCE, 0},
    [PA_SHARE] = {"pa_land_share", F_D2, C_PROVINCE, 0},
    [R_BIODIVERSITY] = {"r_biodiversity", F_INT, C_PROVINCE, 0},
    [BIO_PROJECT] = {"bio_project", F_BOOL, C_PROVINCE, 0},
    [WILDLIFE_RESCUE] = {"wildlife_rescue", F_BOOL, C_PROVINCE, 0},
    [NUCLEAR] = {"nuclear_incidents", F_INT, C_PROVINCE, 0},
    [R_METRO_LEAD] = {"r_metro_lead", F_INT, C_SCOPED, G_METRO},
    [R_COASTAL_GREEN] = {"r_coastal_green", F_INT, C_SCOPED, G_COASTAL},
    [R_LIAOXI_BARRIER] = {"r_liaoxi_barrier", F_INT, C_SCOPED, G_LIAOXI},
    [HUNHE] = {"hunhe_river", F_BOOL, C_SCOPED, G_SHENYANG},
    [ZHIMAOWAN] = {"zhimaowan_bay", F_BOOL, C_SCOPED, G_HULUDAO},
    [WATER_NETWORK] = {"water_network", F_BOOL, C_PROVINCE, 0},
    [CLEAN_HEATING] = {"clean_heating", F_BOOL, C_SCOPED, G_HEATING},
    [PERMIT] = {"discharge_permit_ratio", F_D1, C_ALL, 0},
    [ECO_INFO] = {"eco_info_project", F_BOOL, C_PROVINCE, 0},
    [PROJ_POLL_CARBON] = {"proj_pollution_carbon", F_BOOL, C_PROVINCE, 0},
    [PROJ_ENV_QUALITY] = {"proj_env_quality", F_BOOL, C_PROVINCE, 0},
    [PROJ_ECO_RESTORE] = {"proj_eco_restoration", F_BOOL, C_PROVINCE, 0},
    [PROJ_INFRA] = {"proj_infrastructure", F_BOOL, C_PROVINCE, 0},
    [CADRE_RULES] = {"cadre_rules", F_BOOL, C_PROVINCE, 0},
    [ANNUAL_REPORT] = {"annual_report", F_BOOL, C_CITY, 0},
    [MASTER_OUTLINE] = {"master_outline", F_BOOL, C_PROVINCE, 0},
    [CITY_DOCS] = {"city_supporting_docs", F_BOOL, C_CITY, 0},
    [ASSESS_INDICATORS] = {"assess_indicators", F_BOOL, C_PROVINCE, 0},
    [ASSESS_METHOD] = {"assess_method", F_BOOL, C_PROVINCE, 0},
    [ASSESS_TRANSITION] = {"assess_transition", F_BOOL, C_PROVINCE, 0},
};

/* How well a city performs overall; drives the speed of its progress. */
enum { P_STRONG, P_GOOD, P_AVERAGE, P_LAGGING, P_WEAK, NPROFILES };

/* A city's fixed characteristics.  Quotas are the city's shares of the
 * provincial red lines and sum exactly to them (7603万亩, 6251万亩,
 * 41000 km2).  Years are when a yes/no milestone turns yes (0: never within
 * the data). */
typedef struct city {
    const char *name;
    unsigned flags;
    int profile;
    double farmland_quota;   /* 万亩 */
    double basic_quota;      /* 万亩 */
    double redline_quota;    /* km2 */
    double pollutant2020;    /* 万吨 */
    double co2_2020;         /* 万吨 */
    double key_emis2020;     /* 万吨 */
    double landfill2020;     /* 万吨 */
    double envq2020;         /* index */
    double ecoq2020;         /* index */
    int water_saving_year;
    int nwc_year;            /* national (G_NWC) or provincial 无废城市 */
    int docs_year;           /* 市级配套文件 */
    double green_building2020; /* % */
} city;

static const city cities[] = {
    {"沈阳", G_METRO | G_NWC | G_PILOT | G_HEATING | G_SHENYANG, P_GOOD,
     1020, 840, 1200, 24.0, 6800, 1.80, 3.20, 72.0, 55.0, 2018, 2022, 2024, 62},
    {"大连", G_COASTAL | G_NWC | G_PILOT, P_STRONG,
     640, 520, 3400, 22.0, 7200, 2.00, 3.60, 80.0, 62.0, 2018, 2022, 2024, 68},
    {"鞍山", G_METRO, P_AVERAGE,
     450, 370, 2300, 16.0, 8200, 6.50, 2.40, 66.0, 57.0, 2022, 2023, 2025, 52},
    {"抚顺", G_METRO | G_FUSHUN, P_AVERAGE,
     230, 185, 5200, 10.0, 3600, 1.60, 1.50, 70.0, 70.0, 2024, 2024, 2024, 50},
    {"本溪", G_METRO, P_GOOD,
     130, 100, 5600, 7.0, 3900, 3.80, 1.10, 74.0, 73.0, 2025, 2024, 2025, 51},
    {"丹东", G_COASTAL, P_GOOD,
     410, 335, 6200, 10.0, 1500, 0.50, 0.60, 82.0, 71.0, 2023, 2025, 2024, 55},
    {"锦州", G_COASTAL | G_LIAOXI, P_LAGGING,
     700, 580, 1500, 13.0, 2600, 0.90, 0.90, 68.0, 52.0, 2026, 0, 2025, 47},
    {"营口", G_COASTAL | G_HEATING, P_AVERAGE,
     210, 170, 1100, 13.0, 4800, 3.00, 1.40, 67.0, 53.0, 2024, 2025, 2025, 53},
    {"阜新", G_METRO | G_LIAOXI | G_HEATING | G_FUXIN, P_WEAK,
     860, 710, 2000, 10.0, 1900, 0.60, 0.50, 63.0, 47.0, 0, 2027, 2027, 44},
    {"辽阳", G_METRO, P_AVERAGE,
     330, 270, 1300, 9.0, 2700, 1.50, 1.00, 67.0, 56.0, 2025, 2024, 2025, 50},
    {"盘锦", G_COASTAL | G_NWC | G_HEATING, P_LAGGING,
     250, 205, 1800, 11.0, 3300, 0.80, 1.80, 69.0, 54.0, 2022, 2022, 2024, 58},
    {"铁岭", G_METRO, P_GOOD,
     1110, 915, 2700, 14.0, 2000, 0.50, 0.60, 71.0, 58.0, 2026, 2026, 2025, 49},
    {"朝阳", G_LIAOXI, P_WEAK,
     890, 735, 4300, 13.0, 2400, 1.20, 0.70, 64.0, 48.0, 2027, 2026, 2026, 43},
    {"葫芦岛", G_COASTAL | G_LIAOXI | G_HULUDAO, P_LAGGING,
     373, 316, 2400, 11.0, 2600, 1.30, 1.00, 70.0, 55.0, 2025, 2025, 2026, 48},
};
enum { NCITIES = sizeof cities / sizeof cities[0] };

/* Per-profile rates: yearly fall of pollutant and key-industry emissions,
 * yearly gain of the two indices, the 2023 rating level and its yearly
 * gain, and the year CO2 peaks. */
static const struct profile {
    double pollutant_fall, envq_gain, ecoq_gain, rating2023, rating_gain;
    int co2_peak;
} profiles[NPROFILES] = {
    [P_STRONG] = {0.045, 1.00, 0.60, 80, 2.5, 2020},
    [P_GOOD] = {0.035, 0.80, 0.50, 74, 2.2, 2021},
    [P_AVERAGE] = {0.028, 0.60, 0.40, 68, 1.8, 2023},
    [P_LAGGING] = {0.020, 0.45, 0.30, 63, 1.3, 2025},
    [P_WEAK] = {0.012, 0.30, 0.20, 56, 0.8, 2026},
};

/* Coastal water quality (近岸海域水质优良比例, %), 2020..2027, written out so
 * the planted cases are easy to read: 大连 is on its trajectory (91.4 in
 * 2025 against an expected 91.0) and meets 92% in 2026; 丹东 and 营口 reach
 * the goal; 锦州 reaches it exactly in 2027; 盘锦 and 葫芦岛 lag and fail. */
static const struct coast {
    const char *name;
    double weight;            /* share of the province's coastal waters */
    double good[NYEARS];      /* % */
    int bays;                 /* 美丽海湾 units */
    int built[NYEARS];        /* units built by each year */
} coasts[] = {
    {"大连", 0.45, {88.2, 88.9, 89.4, 90.0, 90.8, 91.4, 92.3, 93.0}, 10, {0, 1, 1, 2, 3, 3, 4, 4}},
    {"丹东", 0.10, {84.6, 85.3, 85.9, 86.5, 88.1, 89.6, 91.0, 92.5}, 3, {0, 0, 0, 0, 1, 1, 1, 1}},
    {"锦州", 0.10, {81.5, 82.4, 83.1, 84.0, 86.1, 88.0, 90.1, 92.0}, 3, {0, 0, 1, 1, 1, 1, 2, 2}},
    {"营口", 0.10, {73.2, 75.0, 76.4, 78.0, 81.8, 85.3, 88.9, 92.4}, 3, {0, 0, 0, 0, 0, 1, 1, 1}},
    {"盘锦", 0.10, {58.3, 59.6, 60.7, 62.0, 64.8, 68.1, 71.0, 74.0}, 2, {0, 0, 0, 0, 0, 0, 1, 1}},
    {"葫芦岛", 0.15, {86.8, 87.2, 87.5, 88.0, 88.7, 89.2, 89.8, 90.4}, 5, {0, 0, 1, 1, 1, 2, 2, 2}},
};
enum { NCOASTS = sizeof coasts / sizeof coasts[0] };

/* ---- the table ---- */

enum { NREGIONS = NCITIES + 1 };   /* row 0 is the province */

static double cell[NREGIONS][NYEARS][NCOLS];

static const char *region_name(int r)
{
    return r == 0 ? "辽宁省" : cities[r - 1].name;
}

/* Does column `c` have values for region r?  (Province: r == 0.) */
static bool covers(int c, int r)
{
    switch (columns[c].c) {
    case C_ALL: return true;
    case C_PROVINCE: return r == 0;
    case C_CITY: return r > 0;
    case C_COASTAL: return r == 0 || (cities[r - 1].flags & G_COASTAL);
    case C_SCOPED: return r > 0 && (cities[r - 1].flags & columns[c].scope);
    }
    return false;
}

/* A share rising in a straight line from `start` (2020) to 100% in
 * `full_year`, then staying at 100%; one decimal. */
static double climb(double start, int y, int full_year)
{
    double v = start + (100 - start) * (y - YEAR0) / (full_year - YEAR0);
    return round_to(fmin(100, v), 1);
}

/* yes (1) from `year` on, no (0) before; never when year is 0. */
static double from_year(int year, int y)
{
    return year != 0 && y >= year ? 1 : 0;
}

/* An evaluator's rating: the city's profile level in 2023, its yearly gain,
 * a fixed offset per rating column and a little noise; 0..100, integral. */
static double rating(const city *ct, double offset, int y)
{
    const struct profile *p = &profiles[ct->profile];
    double v = p->rating2023 + offset + p->rating_gain * (y - BASE) + uniform(-2, 2);
    return round_to(fmin(100, fmax(0, v)), 0);
}

/* Fills the city rows. */
static void gen_cities(void)
{
    static const int rating_cols[] = {
        R_GREEN_LIFESTYLE, R_GREEN_LOWCARBON, R_ENV_IMPROVEMENT, R_SPATIAL,
        R_ECOSYSTEM, R_LIVING_ENV, R_ECO_SECURITY, R_GOVERNANCE, R_EXEMPLARS,
        R_BEAUTIFUL_LN, R_ECO_CIV, R_SHENYANG_METRO, R_COASTAL_BELT, R_BAY,
        R_LAND_SEA, R_METRO_LEAD, R_COASTAL_GREEN, R_LIAOXI_BARRIER,
    };
    enum { NRATINGS = sizeof rating_cols / sizeof rating_cols[0] };
    double offset[NRATINGS];
    for (int k = 0; k < NRATINGS; k++)
        offset[k] = round_to(uniform(-3, 3), 1);

    for (int i = 0; i < NCITIES; i++) {
        const city *ct = &cities[i];
        const struct profile *p = &profiles[ct->profile];
        double (*row)[NCOLS] = cell[i + 1];
        double pollutant = ct->pollutant2020, key = ct->key_emis2020;
        double landfill = ct->landfill2020, co2 = ct->co2_2020;
        double envq = ct->envq2020, ecoq = ct->ecoq2020;
        double margin = uniform(0.008, 0.020);          /* farmland above quota */
        double basic_margin = uniform(0.002, 0.010);
        double redline_margin = uniform(0.000, 0.003);
        double stable_share = uniform(0.960, 0.980);
        double stable = 0;
        for (int t = 0; t < NYEARS; t++) {
            int y = YEAR0 + t;
            double *v = row[t];
            if (t > 0) {
                pollutant *= 1 - p->pollutant_fall + uniform(-0.015, 0.015);
                key *= 1 - p->pollutant_fall * 1.2 + uniform(-0.015, 0.015);
                landfill *= 1 - 0.04 + uniform(-0.03, 0.03);
                co2 *= (y <= p->co2_peak ? 1.015 : 0.985) + uniform(-0.003, 0.003);
                envq += p->envq_gain + uniform(-0.5, 0.5);
                ecoq += p->ecoq_gain + uniform(-0.35, 0.35);
            }
            v[POLLUTANT] = round_to(pollutant, 2);
            v[KEY_EMIS] = round_to(key, 2);
            v[HW_LANDFILL] = round_to(landfill, 2);
            v[CO2] = round_to(co2, 0);
            v[ENVQ] = round_to(envq, 1);
            v[ECOQ] = round_to(ecoq, 1);

            /* Areas: hectares (1 公顷 = 15 亩), km2. */
            double quota_ha = ct->farmland_quota * 10000 / 15;
            double basic_ha = ct->basic_quota * 10000 / 15;
            double drift = 1 + 0.0004 * (t - 3);
            v[FARMLAND_QUOTA] = round_to(quota_ha, 1);
            v[BASIC_QUOTA] = round_to(basic_ha, 1);
            v[REDLINE_QUOTA] = round_to(ct->redline_quota, 1);
            v[FARMLAND] = round_to(quota_ha * (1 + margin) * drift, 1);
            v[BASIC_FARMLAND] = round_to(basic_ha * (1 + basic_margin), 1);
            v[ECO_REDLINE] = round_to(ct->redline_quota * (1 + redline_margin), 1);
            stable = t == 0 ? quota_ha * stable_share : stable * (1 + uniform(0.0005, 0.002));
            v[STABLE_FARMLAND] = round_to(stable, 1);

            /* Ratings start with the plan's baseline year. */
            for (int k = 0; k < NRATINGS; k++)
                v[rating_cols[k]] = y >= BASE ? rating(ct, offset[k], y) : NAN;

            v[PEAK_PILOT] = from_year(2023, y);
            v[WATER_SAVING] = from_year(ct->water_saving_year, y);
            v[NWC_NATIONAL] = from_year(ct->nwc_year, y);
            v[NWC_PROVINCIAL] = (ct->flags & G_NWC) ? NAN : from_year(ct->nwc_year, y);
            v[CITY_DOCS] = from_year(ct->docs_year, y);
            v[ANNUAL_REPORT] = 1;
            v[FUSHUN_MINE] = from_year(2024, y);
            v[FUXIN_MINE] = from_year(2026, y);
            v[HUNHE] = from_year(2025, y);
            v[ZHIMAOWAN] = from_year(2026, y);
            v[CLEAN_HEATING] = from_year(ct->profile == P_WEAK ? 2022 : ct->profile == P_AVERAGE ? 2024 : 2021, y);

            /* Shares that climb to 100% by a year that depends on the
             * city's profile (strong first, weak last). */
            int pr = ct->profile;
            v[GREEN_BUILDING] = climb(ct->green_building2020, y, pr == P_WEAK ? 2026 : 2025);
            v[OUTFALL_RECT] = climb(20, y, 2025 + pr);
            v[OUTFALL_MON] = climb(30, y, 2026 + (pr + 1) / 2 + (pr == P_WEAK));
            v[SOIL_TRACING] = climb(5, y, 2026 + (pr + 1) / 2 + (pr == P_WEAK));
            v[PERMIT] = climb(85, y, 2024 + pr);
        }
    }
}

/* Overwrites the coastal columns of the coastal cities from `coasts`. */
static void gen_coasts(void)
{
    for (int k = 0; k < NCOASTS; k++) {
        for (int i = 0; i < NCITIES; i++) {
            if (strcmp(cities[i].name, coasts[k].name) != 0)
                continue;
            for (int t = 0; t < NYEARS; t++) {
                cell[i + 1][t][COASTAL_GOOD] = coasts[k].good[t];
                cell[i + 1][t][BAY_RATIO] = round_to(100.0 * coasts[k].built[t] / coasts[k].bays, 1);
            }
        }
    }
}

/* Fills the province row: sums of the cities' extensive quantities, means of
 * their shares and ratings, and the province's own yes/no milestones. */
static void gen_province(void)
{
    static const int sums[] = {
        POLLUTANT, KEY_EMIS, HW_LANDFILL, CO2, FARMLAND, BASIC_FARMLAND,
        ECO_REDLINE, STABLE_FARMLAND,
    };
    static const int means[] = {
        ENVQ, ECOQ, GREEN_BUILDING, OUTFALL_RECT, OUTFALL_MON, SOIL_TRACING,
        PERMIT, R_GREEN_LIFESTYLE, R_GREEN_LOWCARBON, R_ENV_IMPROVEMENT,
        R_SPATIAL, R_ECOSYSTEM, R_LIVING_ENV, R_ECO_SECURITY, R_GOVERNANCE,
        R_EXEMPLARS, R_BEAUTIFUL_LN, R_ECO_CIV, R_LAND_SEA, R_BAY,
    };
    for (int t = 0; t < NYEARS; t++) {
        int y = YEAR0 + t;
        double *v = cell[0][t];
        for (size_t k = 0; k < sizeof sums / sizeof sums[0]; k++) {
            double s = 0;
            for (int i = 0; i < NCITIES; i++)
                s += cell[i + 1][t][sums[k]];
            v[sums[k]] = round_to(s, columns[sums[k]].f == F_D2 ? 2 : columns[sums[k]].f == F_D1 ? 1 : 0);
        }
        for (size_t k = 0; k < sizeof means / sizeof means[0]; k++) {
            int c = means[k];
            double s = 0;
            int n = 0;
            for (int i = 0; i < NCITIES; i++) {
                if (covers(c, i + 1) && !isnan(cell[i + 1][t][c])) {
                    s += cell[i + 1][t][c];
                    n++;
                }
            }
            v[c] = n ? round_to(s / n, columns[c].f == F_INT ? 0 : 1) : NAN;
        }
        double good = 0;
        int built = 0, bays = 0;
        for (int k = 0; k < NCOASTS; k++) {
            good += coasts[k].weight * coasts[k].good[t];
            built += coasts[k].built[t];
            bays += coasts[k].bays;
        }
        v[COASTAL_GOOD] = round_to(good, 1);
        v[BAY_RATIO] = round_to(100.0 * built / bays, 1);
        v[R_BIODIVERSITY] = y >= BASE ? round_to(70 + 2 * (y - BASE) + uniform(-1, 1), 0) : NAN;

        v[REDLINE_POLICY] = from_year(2024, y);
        v[SOIL_CENSUS] = from_year(2025, y);
        v[HW_STANDARD] = from_year(2026, y);
        v[HW_CENTER] = 0;                           /* not built by 2027 */
        v[HORQIN_WON] = 0;                          /* due 2030 */
        v[SANDY_FARMLAND] = round_to(40 + 5 * t + uniform(-0.5, 0.5), 1);
        v[HORQIN_VEG] = round_to(36 + 0.8 * t + (y == 2024 ? -1.5 : 0), 1);
        v[HORQIN_WETLAND] = round_to(98000 + 160 * t, 1);
        v[ECO_FLOW] = y == 2024 ? 95 : 100;
        v[RIVER_CORRIDORS] = y >= 2027 ? 3 : y >= 2025 ? 2 : y >= 2023 ? 1 : 0;
        v[LIAOHEKOU] = 0;
        v[PA_INTEGRATION] = from_year(2025, y);
        v[PA_SYSTEM] = 0;
        v[ECO_MONITORING] = from_year(2026, y);
        v[GREEN_SHIELD] = 1;
        v[GREEN_LN] = from_year(2022, y);
        v[LIAOHE_PROJECT] = from_year(2020, y);
        v[SCI_GREENING] = from_year(2023, y);
        v[BIO_CORRIDORS] = y >= 2025 ? 2 : y >= 2023 ? 1 : 0;
        v[PA_SHARE] = round_to(7.2 + 0.1 * t, 2);
        v[BIO_PROJECT] = from_year(2024, y);
        v[WILDLIFE_RESCUE] = from_year(2025, y);
        v[NUCLEAR] = 0;
        v[WATER_NETWORK] = from_year(2026, y);
        v[ECO_INFO] = from_year(2024, y);
        v[PROJ_POLL_CARBON] = from_year(2023, y);
        v[PROJ_ENV_QUALITY] = from_year(2024, y);
        v[PROJ_ECO_RESTORE] = from_year(2023, y);
        v[PROJ_INFRA] = 0;                          /* not started by 2027 */
        v[CADRE_RULES] = from_year(2025, y);
        v[MASTER_OUTLINE] = from_year(2025, y);
        v[ASSESS_INDICATORS] = from_year(2026, y);
        v[ASSESS_METHOD] = from_year(2027, y);
        v[ASSESS_TRANSITION] = 0;                   /* 适时: not yet by 2027 */
    }
}

/* The index of a city by name, or -1. */
static int city_index(const char *name)
{
    for (int i = 0; i < NCITIES; i++)
        if (strcmp(cities[i].name, name) == 0)
            return i + 1;
    return -1;
}

/* The planted events (see README.md) that the profiles alone would not
 * produce.  They happen before the province row is summed, so the province
 * sees them. */
static void plant_events(void)
{
    int yk = city_index("营口"), cy = city_index("朝阳"), jz = city_index("锦州");
    /* 锦州's pollutant total rises in 2026 (a new petrochemical plant): the
     * falling trend fails that year. */
    cell[jz][2026 - YEAR0][POLLUTANT] = round_to(cell[jz][2025 - YEAR0][POLLUTANT] * 1.015, 2);
    cell[jz][2027 - YEAR0][POLLUTANT] = round_to(cell[jz][2026 - YEAR0][POLLUTANT] * 0.985, 2);
    /* 营口's farmland falls below its quota in 2027 (a red line: a veto in
     * the last year of the data, where the demo's summary shows it). */
    cell[yk][2027 - YEAR0][FARMLAND] = round_to(cell[yk][2027 - YEAR0][FARMLAND_QUOTA] * 0.996, 1);
    /* 朝阳's stable farmland shrinks in 2025; it misses its 2026 annual report. */
    cell[cy][2025 - YEAR0][STABLE_FARMLAND] = round_to(cell[cy][2024 - YEAR0][STABLE_FARMLAND] * 0.997, 1);
    cell[cy][2026 - YEAR0][ANNUAL_REPORT] = 0;
}

/* The planted missing cells: gaps in what the cities reported, after the
 * province row (which has its own complete figures) is made. */
static void plant_missing(void)
{
    int cy = city_index("朝阳"), dd = city_index("丹东"), tl = city_index("铁岭");
    cell[dd][2025 - YEAR0][COASTAL_GOOD] = NAN;     /* a monitoring gap */
    cell[cy][2024 - YEAR0][POLLUTANT] = NAN;        /* not reported */
    cell[tl][2026 - YEAR0][R_LIVING_ENV] = NAN;     /* rating not supplied */
}

/* Blanks every cell a column does not cover. */
static void blank_uncovered(void)
{
    for (int r = 0; r < NREGIONS; r++)
        for (int c = 0; c < NCOLS; c++)
            if (!covers(c, r))
                for (int t = 0; t < NYEARS; t++)
                    cell[r][t][c] = NAN;
}

/* ---- output ---- */

/* One --set REGION,YEAR,COLUMN=VALUE, kept as text. */
typedef struct setting {
    int region, year, col;
    const char *value;
} setting;

/* Prints one cell. */
static void put_cell(FILE *out, int c, double v)
{
    put_value(out, columns[c].f, v);
}

/* Writes the header and the selected rows. */
static void write_csv(FILE *out, int only, int from, int to, const setting *sets, int nsets)
{
    fputs("region,year", out);
    for (int c = 0; c < NCOLS; c++)
        fprintf(out, ",%s", columns[c].name);
    fputc('\n', out);
    for (int r = 0; r < NREGIONS; r++) {
        if (only >= 0 && r != only)
            continue;
        for (int t = 0; t < NYEARS; t++) {
            int y = YEAR0 + t;
            if (y < from || y > to)
                continue;
            fprintf(out, "%s,%d", region_name(r), y);
            for (int c = 0; c < NCOLS; c++) {
                fputc(',', out);
                const char *text = NULL;
                for (int s = 0; s < nsets; s++)
                    if (sets[s].region == r && sets[s].year == y && sets[s].col == c)
                        text = sets[s].value;
                if (text)
                    fputs(text, out);
                else
                    put_cell(out, c, cell[r][t][c]);
            }
            fputc('\n', out);
        }
    }
}

/* The index of a region by name (the province included), or -1. */
static int region_index(const char *name)
{
    return strcmp(name, "辽宁省") == 0 ? 0 : city_index(name);
}

/* Parses REGION,YEAR,COLUMN=VALUE into *s (VALUE points into arg, which is
 * modified).  Returns false with a message when it does not name a cell. */
static bool parse_setting(char *arg, setting *s)
{
    char *c1 = strchr(arg, ','), *c2 = c1 ? strchr(c1 + 1, ',') : NULL;
    char *eq = c2 ? strchr(c2 + 1, '=') : NULL;
    if (!eq) {
        fprintf(stderr, "gen-data: --set wants REGION,YEAR,COLUMN=VALUE, not '%s'\n", arg);
        return false;
    }
    *c1 = *c2 = *eq = '\0';
    s->region = region_index(arg);
    s->year = atoi(c1 + 1);
    s->col = -1;
    for (int c = 0; c < NCOLS; c++)
        if (strcmp(columns[c].name, c2 + 1) == 0)
            s->col = c;
    s->value = eq + 1;
    if (s->region < 0 || s->col < 0 || s->year < YEAR0 || s->year > YEAR1) {
        fprintf(stderr, "gen-data: --set: no cell %s,%s,%s\n", arg, c1 + 1, c2 + 1);
        return false;
    }
    return true;
}

int main(int argc, char **argv)
{
    int only = -1, from = YEAR0, to = YEAR1, nsets = 0;
    const char *outpath = NULL;
    setting *sets = calloc((size_t)argc, sizeof *sets);
    if (!sets)
        return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (strcmp(a, "--only") == 0 && has_value) {
            only = region_index(argv[++i]);
            if (only < 0) {
                fprintf(stderr, "gen-data: unknown region '%s'\n", argv[i]);
                free(sets);
                return 2;
            }
        } else if (strcmp(a, "--from") == 0 && has_value) {
            from = atoi(argv[++i]);
        } else if (strcmp(a, "--to") == 0 && has_value) {
            to = atoi(argv[++i]);
        } else if (strcmp(a, "--set") == 0 && has_value) {
            if (!parse_setting(argv[++i], &sets[nsets++])) {
                free(sets);
                return 2;
            }
        } else if (a[0] == '-' || outpath) {
            fprintf(stderr, "usage: gen-data [--only REGION] [--from YEAR] [--to YEAR] "
                            "[--set REGION,YEAR,COLUMN=VALUE]... [OUT]\n");
            free(sets);
            return 2;
        } else {
            outpath = a;
        }
    }

    gen_cities();
    gen_coasts();
    plant_events();
    gen_province();
    plant_missing();
    blank_uncovered();

    FILE *out = outpath ? fopen(outpath, "w") : stdout;
    if (!out) {
        perror(outpath);
        free(sets);
        return 1;
    }
    write_csv(out, only, from, to, sets, nsets);
    int rc = ferror(out) ? 1 : 0;
    if (outpath && fclose(out) != 0)
        rc = 1;
    free(sets);
    return rc;
}
