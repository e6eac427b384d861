#include "intake/IntakeContext.h"

#include "cases/IntakeDraftStore.h"
#include "common/AppSettings.h"

QString IntakeContext::draftFolder() const
{
    const QString configured = settings ? settings->string(AppSettings::Key::DraftFolder) : QString();
    return configured.isEmpty() ? IntakeDraftStore::defaultFolder() : configured;
}
