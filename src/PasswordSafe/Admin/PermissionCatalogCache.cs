using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;

namespace PasswordSafe.Admin;

/// <summary>
/// Permission and access level names for tab completion, read through a session and kept for a short time, so pressing
/// Tab again does not call the server each time. Never throws: a list that cannot be read is empty.
/// </summary>
internal sealed class PermissionCatalogCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>Completion must answer quickly; a slow server offers nothing rather than freezing the prompt.</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);

    private static readonly ConditionalWeakTable<PasswordSafeSession, PermissionCatalogCache> s_bySession =
        new ConditionalWeakTable<PasswordSafeSession, PermissionCatalogCache>();

    private readonly object _gate = new object();
    private readonly Func<CancellationToken, Task<IReadOnlyList<string>>> _fetchPermissions;
    private readonly Func<CancellationToken, Task<IReadOnlyList<string>>> _fetchLevels;
    private readonly Func<DateTimeOffset> _clock;
    private (IReadOnlyList<string> Names, DateTimeOffset FetchedAt)? _permissions;
    private (IReadOnlyList<string> Names, DateTimeOffset FetchedAt)? _levels;

    internal PermissionCatalogCache(Func<CancellationToken, Task<IReadOnlyList<string>>> fetchPermissions,
        Func<CancellationToken, Task<IReadOnlyList<string>>> fetchLevels, Func<DateTimeOffset>? clock = null)
    {
        _fetchPermissions = fetchPermissions;
        _fetchLevels = fetchLevels;
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    public static PermissionCatalogCache For(PasswordSafeSession session) =>
        s_bySession.GetValue(session, s =>
        {
            var service = new PermissionService(new AdminClient(s));
            return new PermissionCatalogCache(
                async token => (await service.ListPermissionsAsync(RequestLog.Discard, token).ConfigureAwait(false)).Select(p => p.Name).OfType<string>().ToList(),
                async token => (await service.ListAccessLevelsAsync(RequestLog.Discard, token).ConfigureAwait(false)).Select(l => l.Name).OfType<string>().ToList());
        });

    public IReadOnlyList<string> PermissionNames() => Read(ref _permissions, _fetchPermissions);

    public IReadOnlyList<string> AccessLevelNames() => Read(ref _levels, _fetchLevels);

    private IReadOnlyList<string> Read(ref (IReadOnlyList<string> Names, DateTimeOffset FetchedAt)? cached, Func<CancellationToken, Task<IReadOnlyList<string>>> fetch)
    {
        lock (_gate)
        {
            if (cached is { } fresh && _clock() - fresh.FetchedAt < Lifetime)
            {
                return fresh.Names;
            }
        }

        IReadOnlyList<string> names;
        try
        {
            using var timeout = new CancellationTokenSource(FetchTimeout);
            names = fetch(timeout.Token).GetAwaiter().GetResult().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
        catch (Exception)
        {
            return new string[0];
        }

        lock (_gate)
        {
            cached = (names, _clock());
        }

        return names;
    }
}
