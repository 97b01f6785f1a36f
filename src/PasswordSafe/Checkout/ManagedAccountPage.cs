using System.Collections.Generic;

namespace PasswordSafe.Checkout;

/// <summary>One answer of <c>GET ManagedAccounts</c>: the accounts, and the total when the server says it.</summary>
internal sealed class ManagedAccountPage
{
    public ManagedAccountPage(IReadOnlyList<ManagedAccount> accounts, long? totalCount, bool isLast, bool isSingleObject = false)
    {
        Accounts = accounts;
        TotalCount = totalCount;
        IsLast = isLast;
        IsSingleObject = isSingleObject;
    }

    public IReadOnlyList<ManagedAccount> Accounts { get; }

    /// <summary>Only a <c>{TotalCount, Data}</c> envelope carries a total; a bare array does not.</summary>
    public long? TotalCount { get; }

    /// <summary>True when no further page can exist (a short page, see <see cref="PageEnd"/>; a single object; a 404 "no match").</summary>
    public bool IsLast { get; }

    /// <summary>
    /// The one-object answer to both names (§2.1): the whole answer whatever offset was asked, so paging over it
    /// happens in the module.
    /// </summary>
    public bool IsSingleObject { get; }
}
