using System.Runtime.CompilerServices;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>The administration name lists of each session for tab completion: one <see cref="CompletionCache"/> per session.</summary>
internal static class ServerNameCache
{
    private static readonly ConditionalWeakTable<PasswordSafeSession, CompletionCache> s_bySession =
        new ConditionalWeakTable<PasswordSafeSession, CompletionCache>();

    public static CompletionCache For(PasswordSafeSession session) => s_bySession.GetValue(session, _ => new CompletionCache());
}
