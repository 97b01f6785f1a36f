using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace PasswordSafe.Session;

/// <summary>
/// The per-runspace default session (ARCHITECTURE.md "Decisions"): parallel runspaces and test runs
/// never clobber each other's default. Weakly keyed, so a closed runspace's entry goes with it.
/// </summary>
internal static class SessionStore
{
    private static readonly ConditionalWeakTable<object, RunspaceSessions> s_byRunspace = new ConditionalWeakTable<object, RunspaceSessions>();

    // Code running outside any runspace (unit tests) still gets one consistent store.
    private static readonly object s_noRunspace = new object();

    public static RunspaceSessions Current => For(Runspace.DefaultRunspace);

    public static RunspaceSessions For(Runspace? runspace) =>
        s_byRunspace.GetValue((object?)runspace ?? s_noRunspace, _ => new RunspaceSessions());
}
