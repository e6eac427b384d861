#pragma once

#include "cases/CaseLifecycle.h"
#include "cases/FollowUp.h"

#include <QString>

#include <optional>

/** One action on a case with what it needs: a note, a new department or assignee, the follow-up rating. */
struct CaseCommand
{
    CaseAction action = CaseAction::AddNote;
    QString note;                                  ///< required for transfer, escalate, resolve, reopen and notes
    qint64 departmentId = 0;                       ///< transfer
    qint64 assigneeId = 0;                         ///< reassign
    std::optional<int> rating;                     ///< follow-up: 1-5, required
    std::optional<int> nps;                        ///< follow-up: 0-10, optional
    FollowUpMethod method = FollowUpMethod::Phone; ///< follow-up: how the citizen was reached
};
