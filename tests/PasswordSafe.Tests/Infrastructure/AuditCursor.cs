using System;
using System.Collections.Generic;
using System.Linq;
using PasswordSafe.Emulator;
using Xunit;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// Marks the emulator's audit at a point in time, so a test looks only at the entries its own actions wrote
/// (the audit is newest-last and only grows).
/// </summary>
public sealed class AuditCursor
{
    private readonly EmulatorState state;
    private readonly int start;

    private AuditCursor(EmulatorState state)
    {
        this.state = state;
        start = state.Audit.Count;
    }

    public static AuditCursor Mark(EmulatorState state) => new(state);

    public IReadOnlyList<AuditEntry> NewEntries() => state.Audit.Skip(start).ToList();

    public IReadOnlyList<AuditEntry> NewEntries(string kind, string? userName = null) =>
        NewEntries().Where(e => e.Kind == kind
                                && (userName == null || string.Equals(e.UserName, userName, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    /// <summary>D2: the single failed sign-in this test caused, with a reason an admin can act on.</summary>
    public AuditEntry AssertOneFailure(string? userName = null)
    {
        var failures = NewEntries(AuditKinds.SignInFailed, userName);
        var entry = Assert.Single(failures);
        Assert.False(string.IsNullOrWhiteSpace(entry.Reason), "D2: a failed factor must be audited with its reason.");
        return entry;
    }
}
