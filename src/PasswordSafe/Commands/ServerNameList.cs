using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// One kind of server object whose names <see cref="ServerNameCompleter{TList}"/> offers: how to read the names, what a
/// tooltip calls one, and what on the command line narrows the list. Each kind is read at most once per session within
/// the completion cache's lifetime.
/// </summary>
public abstract class ServerNameList
{
    /// <summary>The start of each result's tooltip, followed by the name ("Workgroup ").</summary>
    internal abstract string Tooltip { get; }

    /// <summary>
    /// What narrows the list on the command line being completed (the workgroup of asset names), as part of the cache key:
    /// "" when nothing does, null when the list cannot be read without it (nothing is offered).
    /// </summary>
    internal virtual string? Scope(IDictionary? fakeBoundParameters) => string.Empty;

    /// <summary>The names, as the parameter takes them; <paramref name="scope"/> is what <see cref="Scope"/> returned.</summary>
    internal abstract Task<IReadOnlyList<string?>> ReadNamesAsync(AdminClient client, string scope, CancellationToken token);

    /// <summary>The names kept in <paramref name="cache"/> under <paramref name="key"/>, read in one call when not fresh.</summary>
    internal virtual IReadOnlyList<string?> Cached(CompletionCache cache, string key, AdminClient client, string scope) =>
        cache.Get(key, token => ReadNamesAsync(client, scope, token));

    /// <summary>Another form of a name that typed text may start (a directory user's bare name); null: none.</summary>
    internal virtual string? AlsoMatchedBy(string name) => null;
}
