#pragma once

#include "common/Result.h"
#include "sla/SlaPolicy.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

/** SlaPolicy as stored (sla_policy.document) and its admin-side checks (issue 12, helper "sla"). */
namespace SlaPolicyJson {
/** A compact JSON object; every field of SlaPolicy. */
QByteArray toJson(const SlaPolicy& policy);
/** Fields missing from the document keep their defaults (a document of an older version still loads). */
Result<SlaPolicy> fromJson(const QByteArray& json);
/** Every problem with the values an admin entered, translated. Empty = fine. */
QStringList problems(const SlaPolicy& policy);
} // namespace SlaPolicyJson
