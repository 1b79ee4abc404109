# The R half of the population.matches_r_survey test (docs/population.md, "Checked against R").
#
#   Rscript survey_reference.R DATA_DIR OUTPUT_CSV
#
# Reads the survey population_r_driver wrote (people.csv, days.csv, design.csv), computes every
# statistic of mgcalc's population summary with R's survey package (Lumley) and writes them in
# long form: unit, grouping, group, statistic, value. Nothing here is taken from mgcalc's results:
# the per-person means, the earliest-day life stage, the group labels, the supplement users and
# the shares are all made again from the person-days.
suppressPackageStartupMessages(library(survey))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) stop("usage: Rscript survey_reference.R DATA_DIR OUTPUT_CSV")
data_dir <- args[1]
output <- args[2]

people <- read.csv(file.path(data_dir, "people.csv"), stringsAsFactors = FALSE)
days <- read.csv(file.path(data_dir, "days.csv"), stringsAsFactors = FALSE)
design_info <- read.csv(file.path(data_dir, "design.csv"), stringsAsFactors = FALSE)
percents <- c(5, 10, 25, 50, 75, 90, 95)

# ---- person-days -------------------------------------------------------------------------------

days$total <- days$food + days$supplement
# A supplement user that day: a dose logged, with magnesium in it.
days$user <- days$supplement_doses > 0 & days$supplement > 0
days$unknown <- days$unknown_entries > 0

# The life-stage group: "table / row label"; a label that rows of different values share (EFSA's
# ">= 18 years" for men and for women) gets the row's target, "... (AI 300 mg)".
mg_text <- function(x) sub("\\.0$", "", sprintf("%.1f", x))
days$row_label <- ifelse(days$has_reference, paste(days$authority, "/", days$life_stage), "no reference")
row_values <- unique(days[days$has_reference, c("row_label", "target_kind", "target", "ear", "ul")])
ambiguous <- unique(row_values$row_label[duplicated(row_values$row_label)])
days$life_stage_group <- ifelse(days$row_label %in% ambiguous,
                                paste0(days$row_label, " (", days$target_kind, " ", mg_text(days$target), " mg)"),
                                days$row_label)

# ---- people: each person's mean over their days, the reference of their earliest day ----------

days <- days[order(days$person, days$day), ]
earliest <- days[!duplicated(days$person), ]
by_person <- function(column, f) {
  values <- tapply(days[[column]], days$person, f)
  as.vector(values[as.character(earliest$person)])
}
person_units <- data.frame(person = earliest$person,
                           food = by_person("food", mean),
                           supplement = by_person("supplement", mean),
                           total = by_person("total", mean),
                           user = by_person("user", any),
                           unknown = by_person("unknown", any),
                           has_reference = earliest$has_reference,
                           life_stage_group = earliest$life_stage_group,
                           ear = earliest$ear,
                           ul = earliest$ul,
                           stringsAsFactors = FALSE)
day_units <- days[, names(person_units)]

# ---- the survey design -------------------------------------------------------------------------

prepare <- function(units) {
  units <- merge(units, people, by = "person", sort = FALSE)
  units$has_ear <- units$has_reference & !is.na(units$ear)
  units$below_ear <- as.numeric(units$has_ear & units$total < units$ear)
  units$user_with_ul <- units$user & units$has_reference & !is.na(units$ul)
  units$over_ul <- as.numeric(units$user_with_ul & units$supplement > units$ul)
  units
}

# Replicate weights that include the sampling weight (combined.weights = TRUE); the variance
# scale * sum(rscales * (theta_r - theta)^2), centred on the full-sample estimate (mse = TRUE).
make_design <- function(units) {
  svrepdesign(data = units, repweights = "repweight_[0-9]+", weights = ~weight, type = "other",
              scale = design_info$scale[1], rscales = design_info$rscale, combined.weights = TRUE, mse = TRUE)
}

# ---- the statistics ----------------------------------------------------------------------------

rows <- list()
add <- function(unit, grouping, group, statistic, value) {
  rows[[length(rows) + 1]] <<- data.frame(unit = unit, grouping = grouping, group = group, statistic = statistic,
                                          value = if (is.na(value)) "NA" else sprintf("%.17g", value),
                                          stringsAsFactors = FALSE)
}

# survey 4.1's qrule = "math" is the lower end of the quantile interval, except that where p is
# below the smallest unit's share of the weight it returns the second-smallest value (its
# `last()` helper falls back to position 1, and the value after it is taken). mgcalc keeps the
# definition there; these give the definition's value and say where the two part.
lower_end <- function(x, w, p) {
  keep <- w > 0
  x <- x[keep]
  w <- w[keep]
  o <- order(x)
  share <- cumsum(w[o]) / sum(w)
  x[o][which(share >= p)[1]]
}
below_first_share <- function(x, w, p) {
  keep <- w > 0
  w <- w[keep][order(x[keep])]
  w[1] > p * sum(w)
}

counts <- function(add_stat, units) {
  add_stat("units", nrow(units))
  add_stat("weight", sum(units$weight))
  add_stat("units_with_unknown_food", sum(units$unknown))
  add_stat("units_without_reference", sum(!units$has_reference))
  add_stat("units_without_ear", sum(units$has_reference & is.na(units$ear)))
  add_stat("supplement_users", sum(units$user))
  add_stat("supplement_users_without_ul", sum(units$user & !units$user_with_ul))
}

quantiles <- function(add_stat, design) {
  q <- svyquantile(~total, design, quantiles = percents / 100, ci = FALSE)$total
  x <- design$variables$total
  w <- weights(design, "sampling")
  for (k in seq_along(percents)) {
    p <- percents[k] / 100
    name <- paste0("p", percents[k])
    add_stat(name, q[k])
    add_stat(paste0(name, ".lower_end"), lower_end(x, w, p))
    add_stat(paste0(name, ".below_first_share"), as.numeric(below_first_share(x, w, p)))
  }
}

# A share among the units `which` selects: svymean for the estimate and its standard error, and
# svyciprop's (logit) estimate beside it. Absent where no such unit has weight.
share <- function(add_stat, design, which, variable, name) {
  selected <- design$variables[[which]]
  part <- if (any(selected)) design[selected, ] else NULL
  if (is.null(part) || sum(weights(part, "sampling")) == 0) {
    add_stat(name, NA)
    add_stat(paste0(name, ".se"), NA)
    return()
  }
  formula <- as.formula(paste0("~", variable))
  m <- svymean(formula, part)
  add_stat(name, coef(m)[[1]])
  add_stat(paste0(name, ".se"), SE(m)[[1]])
  p <- suppressWarnings(svyciprop(formula, part))
  add_stat(paste0(name, ".svyciprop"), coef(p)[[1]])
}

summarize <- function(unit, grouping, group, design) {
  add_stat <- function(statistic, value) add(unit, grouping, group, statistic, value)
  counts(add_stat, design$variables)
  m <- svymean(~food + supplement + total, design)
  for (variable in c("food", "supplement", "total")) {
    add_stat(paste0("mean_", variable), coef(m)[[variable]])
    add_stat(paste0("mean_", variable, ".se"), sqrt(vcov(m)[variable, variable]))
  }
  quantiles(add_stat, design)
  share(add_stat, design, "has_ear", "below_ear", "below_ear")
  share(add_stat, design, "user_with_ul", "over_ul", "users_over_ul")
}

# The groups' means and shares once more through svyby, as a survey analyst would get them.
by_groups <- function(unit, grouping, design, column) {
  formula <- as.formula(paste0("~", column))
  # svyby's columns: the group, the estimates, then their standard errors in the same order
  # (named se1, se2, ... or se for replicate designs).
  variables <- c("food", "supplement", "total")
  means <- svyby(~food + supplement + total, formula, design, svymean)
  for (i in seq_len(nrow(means))) {
    for (k in seq_along(variables)) {
      add(unit, grouping, means[[column]][i], paste0("mean_", variables[k], ".svyby"), means[[1 + k]][i])
      add(unit, grouping, means[[column]][i], paste0("mean_", variables[k], ".se.svyby"),
          means[[1 + length(variables) + k]][i])
    }
  }
  for (s in list(c("has_ear", "below_ear"), c("user_with_ul", "over_ul"))) {
    part <- design[design$variables[[s[1]]] & weights(design, "sampling") > 0, ]
    shares <- svyby(as.formula(paste0("~", s[2])), formula, part, svymean)
    name <- if (s[2] == "below_ear") "below_ear" else "users_over_ul"
    for (i in seq_len(nrow(shares))) {
      add(unit, grouping, shares[[column]][i], paste0(name, ".svyby"), shares[[2]][i])
      add(unit, grouping, shares[[column]][i], paste0(name, ".se.svyby"), shares[[3]][i])
    }
  }
}

for (unit in c("person_days", "people")) {
  units <- prepare(if (unit == "people") person_units else day_units)
  design <- make_design(units)
  summarize(unit, "overall", "(all)", design)
  for (grouping in c("life_stage", "sex")) {
    column <- if (grouping == "life_stage") "life_stage_group" else "sex"
    for (group in unique(units[[column]])) {
      summarize(unit, grouping, group, design[design$variables[[column]] == group, ])
    }
    by_groups(unit, grouping, design, column)
  }
}

write.csv(do.call(rbind, rows), output, row.names = FALSE)
cat(sprintf("survey %s: %d statistics of %d person-days and %d people\n", as.character(packageVersion("survey")),
            length(rows), nrow(day_units), nrow(person_units)))
