/* gen-data.c — the synthetic indicator data for the illustrative adapted
 * plan rules/examples/adapted-province.plan.
 *
 * Writes examples/adapted/data.csv: one row per region (某省 and its six
 * cities 甲市 .. 己市, all made up) and year (2021..2027), one column per
 * data column the adapted rules read.  The numbers are SYNTHETIC and so is
 * the province: plausible magnitudes in the units the rules expect, made up
 * to exercise the adaptation (its own red lines, the baseline year 2024,
 * farmland reported in 亩, the groundwater measure), not statistics of any
 * place.  examples/adapted/README.md lists the planted cases.
 *
 * The output is a pure function of this file: a fixed-seed PRNG of our own
 * (splitmix64, no rand()), doubles rounded to the printed precision with
 * round(), printf in the C locale.  The ctest adapted/data-up-to-date
 * regenerates the file and compares it with the committed one.
 *
 *   gen-data [OUT]     (stdout without OUT) */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define GEN_SEED 0x4D4F55534845ULL /* "MOUSHE" */
#include "../gen-common.h"

enum { YEAR0 = 2021, YEAR1 = 2027, NYEARS = YEAR1 - YEAR0 + 1, BASE = 2024 };

/* Which rows a column has values for (other cells stay empty: the targets
 * on the column do not apply there). */
typedef enum cover { C_ALL, C_PROVINCE, C_CITY, C_SCOPED } cover;

/* Groups of cities the rules name. */
enum {
    G_PILOT = 1,      /* national carbon-peak pilot: 甲市 */
    G_NWC = 2,        /* national 无废城市: 甲市 乙市 */
    G_METRO = 4,      /* 甲市都市圈: 甲市 乙市 丙市 */
    G_HEATING = 8     /* 北方清洁取暖: 丙市 丁市 */
};

/* One data column. */
typedef struct column {
    const char *name;
    fmt f;
    cover c;
    unsigned scope;   /* C_SCOPED: the group of cities */
} column;

/* The columns, in output order (the order the adapted rules first read them). */
enum {
    POLLUTANT, ENVQ, ECOQ, CO2,
    R_GREEN_LIFESTYLE, R_GREEN_LOWCARBON, R_ENV_IMPROVEMENT, R_SPATIAL, R_ECOSYSTEM,
    R_LIVING_ENV, R_ECO_SECURITY, R_GOVERNANCE, R_EXEMPLARS, R_BEAUTIFUL, R_ECO_CIV,
    ECO_REDLINE, FARMLAND_MU, BASIC_FARMLAND, STABLE_FARMLAND,
    FARMLAND_QUOTA_MU, BASIC_QUOTA, REDLINE_QUOTA, REDLINE_POLICY,
    PEAK_PILOT, GREEN_BUILDING, WATER_SAVING, KEY_EMIS,
    OUTFALL_RECT, OUTFALL_MON, SOIL_TRACING, SOIL_CENSUS,
    NWC_NATIONAL, NWC_PROVINCIAL, HW_STANDARD, HW_CENTER, HW_LANDFILL,
    RIVER_CORRIDORS, PA_INTEGRATION, PA_SYSTEM, ECO_MONITORING, GREEN_SHIELD, SCI_GREENING,
    BIO_CORRIDORS, PA_SHARE, R_BIODIVERSITY, BIO_PROJECT, WILDLIFE_RESCUE, NUCLEAR,
    R_METRO_LEAD, WATER_NETWORK, CLEAN_HEATING, PERMIT, ECO_INFO,
    PROJ_POLL_CARBON, PROJ_ENV_QUALITY, PROJ_ECO_RESTORE, PROJ_INFRA,
    CADRE_RULES, ANNUAL_REPORT, MASTER_OUTLINE, CITY_DOCS,
    ASSESS_INDICATORS, ASSESS_METHOD, ASSESS_TRANSITION,
    R_METRO_ZONE, R_LAND_ECO, GROUNDWATER_GOOD, OVERDRAFT, GROUNDWATER_DEPTH,
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
    [R_BEAUTIFUL] = {"r_beautiful_liaoning", F_INT, C_ALL, 0},
    [R_ECO_CIV] = {"r_eco_civilization", F_INT, C_ALL, 0},
    [ECO_REDLINE] = {"eco_redline_km2", F_D1, C_ALL, 0},
    [FARMLAND_MU] = {"farmland_mu", F_INT, C_ALL, 0},
    [BASIC_FARMLAND] = {"basic_farmland_ha", F_D1, C_ALL, 0},
    [STABLE_FARMLAND] = {"stable_farmland_ha", F_D1, C_ALL, 0},
    [FARMLAND_QUOTA_MU] = {"farmland_quota_mu", F_INT, C_CITY, 0},
    [BASIC_QUOTA] = {"basic_farmland_quota_ha", F_D1, C_CITY, 0},
    [REDLINE_QUOTA] = {"eco_redline_quota_km2", F_D1, C_CITY, 0},
    [REDLINE_POLICY] = {"eco_redline_policy", F_BOOL, C_PROVINCE, 0},
    [PEAK_PILOT] = {"carbon_peak_pilot", F_BOOL, C_SCOPED, G_PILOT},
    [GREEN_BUILDING] = {"green_building_ratio", F_D1, C_ALL, 0},
    [WATER_SAVING] = {"water_saving_city", F_BOOL, C_CITY, 0},
    [KEY_EMIS] = {"key_industry_emis_10kt", F_D2, C_ALL, 0},
    [OUTFALL_RECT] = {"outfall_rectified_ratio", F_D1, C_ALL, 0},
    [OUTFALL_MON] = {"outfall_monitoring_ratio", F_D1, C_ALL, 0},
    [SOIL_TRACING] = {"soil_hm_tracing_ratio", F_D1, C_ALL, 0},
    [SOIL_CENSUS] = {"soil_census", F_BOOL, C_PROVINCE, 0},
    [NWC_NATIONAL] = {"nwc_national", F_BOOL, C_SCOPED, G_NWC},
    [NWC_PROVINCIAL] = {"nwc_provincial", F_BOOL, C_CITY, 0},
    [HW_STANDARD] = {"hw_standard", F_BOOL, C_PROVINCE, 0},
    [HW_CENTER] = {"hw_center", F_BOOL, C_PROVINCE, 0},
    [HW_LANDFILL] = {"hw_landfill_10kt", F_D2, C_ALL, 0},
    [RIVER_CORRIDORS] = {"river_corridors", F_INT, C_PROVINCE, 0},
    [PA_INTEGRATION] = {"pa_integration", F_BOOL, C_PROVINCE, 0},
    [PA_SYSTEM] = {"pa_system", F_BOOL, C_PROVINCE, 0},
    [ECO_MONITORING] = {"eco_monitoring_project", F_BOOL, C_PROVINCE, 0},
    [GREEN_SHIELD] = {"green_shield", F_BOOL, C_PROVINCE, 0},
    [SCI_GREENING] = {"sci_greening", F_BOOL, C_PROVINCE, 0},
    [BIO_CORRIDORS] = {"bio_corridors", F_INT, C_PROVINCE, 0},
    [PA_SHARE] = {"pa_land_share", F_D2, C_PROVINCE, 0},
    [R_BIODIVERSITY] = {"r_biodiversity", F_INT, C_PROVINCE, 0},
    [BIO_PROJECT] = {"bio_project", F_BOOL, C_PROVINCE, 0},
    [WILDLIFE_RESCUE] = {"wildlife_rescue", F_BOOL, C_PROVINCE, 0},
    [NUCLEAR] = {"nuclear_incidents", F_INT, C_PROVINCE, 0},
    [R_METRO_LEAD] = {"r_metro_lead", F_INT, C_SCOPED, G_METRO},
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
    [R_METRO_ZONE] = {"r_metro_zone", F_INT, C_SCOPED, G_METRO},
    [R_LAND_ECO] = {"r_land_eco", F_INT, C_ALL, 0},
    [GROUNDWATER_GOOD] = {"groundwater_good_ratio", F_D1, C_ALL, 0},
    [OVERDRAFT] = {"overdraft_treated_ratio", F_D1, C_PROVINCE, 0},
    [GROUNDWATER_DEPTH] = {"groundwater_depth_m", F_D2, C_PROVINCE, 0},
};

/* A city's fixed characteristics.  Quotas are its shares of the province's
 * red lines and sum exactly to them (5200万亩 耕地, 4300万亩 永久基本农田,
 * 26000 km2 生态保护红线).  Years are when a yes/no milestone turns yes. */
typedef struct city {
    const char *name;
    unsigned groups;
    double pace;             /* 0 (slow) .. 1 (fast): drives every trend */
    double farmland_quota;   /* 万亩 */
    double basic_quota;      /* 万亩 */
    double redline_quota;    /* km2 */
    double pollutant2021;    /* 万吨 */
    double co2_2021;         /* 万吨 */
    int co2_peak;            /* the year CO2 peaks */
    int water_saving_year;
    int nwc_year;
    int docs_year;
} city;

static const city cities[] = {
    {"甲市", G_PILOT | G_NWC | G_METRO, 0.9, 820, 660, 3100, 21.0, 6200, 2022, 2021, 2023, 2024},
    {"乙市", G_NWC | G_METRO, 0.7, 1150, 950, 4200, 15.0, 4100, 2023, 2023, 2025, 2025},
    {"丙市", G_METRO | G_HEATING, 0.5, 980, 820, 3600, 12.5, 3900, 2025, 2025, 2026, 2025},
    {"丁市", G_HEATING, 0.4, 860, 720, 5100, 10.0, 2600, 2026, 2026, 2026, 2026},
    {"戊市", 0, 0.3, 700, 580, 5400, 8.5, 1800, 2027, 2028, 2027, 2027},
    {"己市", 0, 0.6, 690, 570, 4600, 9.0, 2100, 2024, 2024, 2025, 2025},
};
enum { NCITIES = sizeof cities / sizeof cities[0], NREGIONS = NCITIES + 1 };

/* The decimals a column is printed with. */
static int decimals(int c)
{
    return columns[c].f == F_D2 ? 2 : columns[c].f == F_D1 ? 1 : 0;
}

/* ---- the table ---- */

static double cell[NREGIONS][NYEARS][NCOLS];   /* row 0 is the province */

static const char *region_name(int r)
{
    return r == 0 ? "某省" : cities[r - 1].name;
}

/* Does column c have values for region r? */
static bool covers(int c, int r)
{
    switch (columns[c].c) {
    case C_ALL: return true;
    case C_PROVINCE: return r == 0;
    case C_CITY: return r > 0;
    case C_SCOPED: return r > 0 && (cities[r - 1].groups & columns[c].scope);
    }
    return false;
}

/* yes (1) from `year` on, no (0) before. */
static double from_year(int year, int y)
{
    return y >= year ? 1 : 0;
}

/* A share rising in a straight line from `start` (2021) to 100% in
 * `full_year`, then staying there; one decimal. */
static double climb(double start, int y, int full_year)
{
    double v = start + (100 - start) * (y - YEAR0) / (double)(full_year - YEAR0);
    return round_to(fmin(100, v), 1);
}

/* Fills the city rows. */
static void gen_cities(void)
{
    static const int rating_cols[] = {
        R_GREEN_LIFESTYLE, R_GREEN_LOWCARBON, R_ENV_IMPROVEMENT, R_SPATIAL, R_ECOSYSTEM,
        R_LIVING_ENV, R_ECO_SECURITY, R_GOVERNANCE, R_EXEMPLARS, R_BEAUTIFUL, R_ECO_CIV,
        R_METRO_LEAD, R_METRO_ZONE, R_LAND_ECO,
    };
    enum { NRATINGS = sizeof rating_cols / sizeof rating_cols[0] };
    double offset[NRATINGS];
    for (int k = 0; k < NRATINGS; k++)
        offset[k] = round_to(uniform(-3, 3), 1);

    for (int i = 0; i < NCITIES; i++) {
        const city *ct = &cities[i];
        double (*row)[NCOLS] = cell[i + 1];
        double pollutant = ct->pollutant2021, key = ct->pollutant2021 * 0.18;
        double landfill = ct->pollutant2021 * 0.09, co2 = ct->co2_2021;
        double envq = 64 + 8 * ct->pace, ecoq = 52 + 10 * ct->pace;
        double margin = uniform(0.006, 0.018), basic_margin = uniform(0.002, 0.010);
        double stable = ct->farmland_quota * 10000 / 15 * uniform(0.955, 0.975);
        double good = 74 + 8 * ct->pace;
        for (int t = 0; t < NYEARS; t++) {
            int y = YEAR0 + t;
            double *v = row[t];
            if (t > 0) {
                pollutant *= 1 - (0.012 + 0.035 * ct->pace) + uniform(-0.01, 0.01);
                key *= 1 - (0.015 + 0.04 * ct->pace) + uniform(-0.01, 0.01);
                landfill *= 1 - 0.04 + uniform(-0.02, 0.02);
                co2 *= (y <= ct->co2_peak ? 1.014 : 0.986) + uniform(-0.002, 0.002);
                envq += 0.3 + 0.8 * ct->pace + uniform(-0.3, 0.3);
                ecoq += 0.2 + 0.5 * ct->pace + uniform(-0.2, 0.2);
                stable *= 1 + uniform(0.0005, 0.002);
                good += 0.6 + 1.4 * ct->pace + uniform(-0.4, 0.4);
            }
            v[POLLUTANT] = round_to(pollutant, 2);
            v[KEY_EMIS] = round_to(key, 2);
            v[HW_LANDFILL] = round_to(landfill, 2);
            v[CO2] = round_to(co2, 0);
            v[ENVQ] = round_to(envq, 1);
            v[ECOQ] = round_to(ecoq, 1);

            /* farmland in 亩 (this province's reporting unit), the rest in 公顷 and km2 */
            double basic_ha = ct->basic_quota * 10000 / 15;
            v[FARMLAND_QUOTA_MU] = round_to(ct->farmland_quota * 10000, 0);
            v[FARMLAND_MU] = round_to(ct->farmland_quota * 10000 * (1 + margin) * (1 + 0.0005 * (t - 3)), 0);
            v[BASIC_QUOTA] = round_to(basic_ha, 1);
            v[BASIC_FARMLAND] = round_to(basic_ha * (1 + basic_margin), 1);
            v[REDLINE_QUOTA] = round_to(ct->redline_quota, 1);
            v[ECO_REDLINE] = round_to(ct->redline_quota * (1 + uniform(0, 0.003)), 1);
            v[STABLE_FARMLAND] = round_to(stable, 1);

            /* ratings start in the adapted plan's baseline year */
            for (int k = 0; k < NRATINGS; k++) {
                double r = 60 + 16 * ct->pace + offset[k] + (1 + 2 * ct->pace) * (y - BASE) + uniform(-2, 2);
                v[rating_cols[k]] = y >= BASE ? round_to(fmin(100, fmax(0, r)), 0) : NAN;
            }

            int slow = (int)lround(4 * (1 - ct->pace));    /* 0 (fast) .. 3 (slow) years late */
            v[GREEN_BUILDING] = climb(45 + 15 * ct->pace, y, 2024 + slow / 2);
            v[OUTFALL_RECT] = climb(25, y, 2025 + slow);
            v[OUTFALL_MON] = climb(30, y, 2025 + slow);
            v[SOIL_TRACING] = climb(10, y, 2026 + slow);
            v[PERMIT] = climb(82, y, 2023 + slow);
            v[GROUNDWATER_GOOD] = round_to(fmin(98, good), 1);

            v[PEAK_PILOT] = from_year(2024, y);
            v[WATER_SAVING] = from_year(ct->water_saving_year, y);
            v[NWC_NATIONAL] = from_year(ct->nwc_year, y);
            v[NWC_PROVINCIAL] = (ct->groups & G_NWC) ? NAN : from_year(ct->nwc_year, y);
            v[CLEAN_HEATING] = from_year(2023 + slow, y);
            v[CITY_DOCS] = from_year(ct->docs_year, y);
            v[ANNUAL_REPORT] = 1;
        }
    }
}

/* Fills the province row: sums of the cities' quantities, means of their
 * shares, indices and ratings, and its own figures and projects. */
static void gen_province(void)
{
    static const int sums[] = {
        POLLUTANT, KEY_EMIS, HW_LANDFILL, CO2, FARMLAND_MU, BASIC_FARMLAND, ECO_REDLINE, STABLE_FARMLAND,
    };
    static const int means[] = {
        ENVQ, ECOQ, GREEN_BUILDING, OUTFALL_RECT, OUTFALL_MON, SOIL_TRACING, PERMIT, GROUNDWATER_GOOD,
        R_GREEN_LIFESTYLE, R_GREEN_LOWCARBON, R_ENV_IMPROVEMENT, R_SPATIAL, R_ECOSYSTEM, R_LIVING_ENV,
        R_ECO_SECURITY, R_GOVERNANCE, R_EXEMPLARS, R_BEAUTIFUL, R_ECO_CIV, R_LAND_ECO,
    };
    static const double depth[NYEARS] = {18.62, 18.47, 18.35, 18.21, 18.04, 18.09, 17.88};
    for (int t = 0; t < NYEARS; t++) {
        int y = YEAR0 + t;
        double *v = cell[0][t];
        for (size_t k = 0; k < sizeof sums / sizeof sums[0]; k++) {
            double s = 0;
            for (int i = 0; i < NCITIES; i++)
                s += cell[i + 1][t][sums[k]];
            v[sums[k]] = round_to(s, decimals(sums[k]));
        }
        for (size_t k = 0; k < sizeof means / sizeof means[0]; k++) {
            int c = means[k];
            double s = 0;
            int n = 0;
            for (int i = 0; i < NCITIES; i++)
                if (!isnan(cell[i + 1][t][c])) {
                    s += cell[i + 1][t][c];
                    n++;
                }
            v[c] = n ? round_to(s / n, columns[c].f == F_INT ? 0 : 1) : NAN;
        }
        v[R_BIODIVERSITY] = y >= BASE ? round_to(72 + 3 * (y - BASE) + uniform(-1, 1), 0) : NAN;
        v[REDLINE_POLICY] = from_year(2025, y);
        v[SOIL_CENSUS] = from_year(2025, y);
        v[HW_STANDARD] = from_year(2026, y);
        v[HW_CENTER] = 0;                         /* not built by 2027 */
        v[RIVER_CORRIDORS] = y >= 2026 ? 3 : y >= 2024 ? 2 : 1;
        v[PA_INTEGRATION] = from_year(2024, y);
        v[PA_SYSTEM] = 0;
        v[ECO_MONITORING] = from_year(2026, y);
        v[GREEN_SHIELD] = 1;
        v[SCI_GREENING] = from_year(2023, y);
        v[BIO_CORRIDORS] = y >= 2026 ? 3 : y >= 2024 ? 2 : 1;
        v[PA_SHARE] = round_to(7.6 + 0.25 * t, 2);
        v[BIO_PROJECT] = from_year(2025, y);
        v[WILDLIFE_RESCUE] = from_year(2026, y);
        v[NUCLEAR] = 0;
        v[WATER_NETWORK] = from_year(2027, y);
        v[ECO_INFO] = from_year(2025, y);
        v[PROJ_POLL_CARBON] = from_year(2024, y);
        v[PROJ_ENV_QUALITY] = from_year(2025, y);
        v[PROJ_ECO_RESTORE] = from_year(2024, y);
        v[PROJ_INFRA] = from_year(2027, y);
        v[CADRE_RULES] = from_year(2025, y);
        v[MASTER_OUTLINE] = from_year(2026, y);
        v[ASSESS_INDICATORS] = from_year(2026, y);
        v[ASSESS_METHOD] = 0;                     /* not yet by 2027 */
        v[ASSESS_TRANSITION] = 0;
        v[OVERDRAFT] = round_to(30 + 9.5 * t, 1);
        v[GROUNDWATER_DEPTH] = depth[t];          /* the water table sinks again in 2026 */
    }
}

/* The index of a city row by name. */
static int city_row(const char *name)
{
    for (int i = 0; i < NCITIES; i++)
        if (strcmp(cities[i].name, name) == 0)
            return i + 1;
    return -1;
}

/* The planted events (examples/adapted/README.md), before the province
 * row is summed so that it sees them. */
static void plant_events(void)
{
    int ding = city_row("丁市"), wu = city_row("戊市");
    /* 丁市's farmland falls below its quota in 2027: a city red line, a veto */
    cell[ding][2027 - YEAR0][FARMLAND_MU] = round_to(cell[ding][2027 - YEAR0][FARMLAND_QUOTA_MU] * 0.997, 0);
    /* 戊市's pollutant total rises in 2026 */
    cell[wu][2026 - YEAR0][POLLUTANT] = round_to(cell[wu][2025 - YEAR0][POLLUTANT] * 1.02, 2);
    /* 戊市 misses its 2026 annual report */
    cell[wu][2026 - YEAR0][ANNUAL_REPORT] = 0;
}

/* The planted missing cells, after the province row is made. */
static void plant_missing(void)
{
    int yi = city_row("乙市"), ji = city_row("己市");
    cell[yi][2025 - YEAR0][GROUNDWATER_GOOD] = NAN;   /* a monitoring gap */
    cell[ji][2026 - YEAR0][R_LIVING_ENV] = NAN;       /* rating not supplied */
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

/* Prints one cell (nothing for a missing one). */
static void put_cell(FILE *out, int c, double v)
{
    put_value(out, columns[c].f, v);
}

/* Generates the table and writes it as CSV to OUT (or stdout). */
int main(int argc, char **argv)
{
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fprintf(stderr, "usage: gen-data [OUT]\n");
        return 2;
    }
    gen_cities();
    plant_events();
    gen_province();
    plant_missing();
    blank_uncovered();

    FILE *out = argc == 2 ? fopen(argv[1], "w") : stdout;
    if (!out) {
        perror(argv[1]);
        return 1;
    }
    fputs("region,year", out);
    for (int c = 0; c < NCOLS; c++)
        fprintf(out, ",%s", columns[c].name);
    fputc('\n', out);
    for (int r = 0; r < NREGIONS; r++)
        for (int t = 0; t < NYEARS; t++) {
            fprintf(out, "%s,%d", region_name(r), YEAR0 + t);
            for (int c = 0; c < NCOLS; c++) {
                fputc(',', out);
                put_cell(out, c, cell[r][t][c]);
            }
            fputc('\n', out);
        }
    int rc = ferror(out) ? 1 : 0;
    if (argc == 2 && fclose(out) != 0)
        rc = 1;
    return rc;
}
