#pragma once

#include "common/FormHelpers.h"

#include <QAbstractItemView>
#include <QBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>

/** What the library's screens share (issue 15, helper "train15"). */
namespace TrainingWidgets {

/** A read-only table of whole rows, without row numbers. */
inline QTableWidget* table(int columns, const QStringList& headers, const char* name, QWidget* parent)
{
    auto* t = new QTableWidget(0, columns, parent);
    t->setObjectName(QLatin1String(name));
    t->setHorizontalHeaderLabels(headers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    return t;
}

/** The summary line and the (hidden) inline error label under a screen's table. */
inline void addStatusLabels(QBoxLayout* layout, QWidget* parent, QLabel*& summary, QLabel*& error)
{
    summary = new QLabel(parent);
    summary->setObjectName(QStringLiteral("summaryLabel"));
    layout->addWidget(summary);
    error = new QLabel(parent);
    error->setObjectName(QStringLiteral("errorLabel"));
    error->setWordWrap(true);
    layout->addWidget(error);
    FormHelpers::clearError(error);
}

} // namespace TrainingWidgets
