#pragma once

#include "repositories/Repositories.h"
#include "users/Session.h"

#include <QString>

class AppSettings;
class Clock;
class DatabaseWorker;
class ReferenceService;

/**
 * What the intake screens work with: the clerk's session, the GUI thread's repositories (reference combos and the
 * pure checks of IntakeService), the clock, the database worker (every lookup and write), the settings (hall name,
 * draft folder).
 */
struct IntakeContext
{
    Session session;
    Repositories repos;
    const Clock* clock = nullptr;
    DatabaseWorker* worker = nullptr;
    ReferenceService* reference = nullptr;
    AppSettings* settings = nullptr;

    /** Where this clerk's draft is kept: the DraftFolder setting, or AppDataLocation/drafts. */
    QString draftFolder() const;
};
