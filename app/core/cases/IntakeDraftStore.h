#pragma once

#include "cases/IntakeDraftJson.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

/**
 * Where a clerk's half-filled intake is kept between starts: one JSON file per login in a folder (by default
 * AppDataLocation/drafts), written atomically (QSaveFile), so that a crash mid-write leaves the previous draft.
 */
class IntakeDraftStore
{
    Q_DECLARE_TR_FUNCTIONS(IntakeDraftStore)

public:
    /** The default folder: AppDataLocation/drafts. */
    static QString defaultFolder();

    IntakeDraftStore(QString folder, const QString& login);

    QString filePath() const { return m_path; }
    bool exists() const;
    /** Replaces the stored draft atomically. */
    Status save(const IntakeDraftState& state) const;
    /** The stored draft; nullopt when there is none or it cannot be read (a broken file is left for inspection). */
    std::optional<IntakeDraftState> load() const;
    /** Forgets the draft (the clerk discarded it, or the case was saved). */
    void discard() const;

private:
    QString m_folder;
    QString m_path;
};
