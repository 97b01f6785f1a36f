using System.Collections.Generic;

namespace PasswordSafe.Admin;

/// <summary>
/// One page of a listing that takes <c>limit</c>/<c>offset</c> (api-v3 §0): its items and, when the answer was a
/// <c>{TotalCount, Data}</c> envelope, how many the server has in all (null for a bare array).
/// </summary>
internal sealed class ListPage<T>
{
    public ListPage(IReadOnlyList<T> items, long? totalCount)
    {
        Items = items;
        TotalCount = totalCount;
    }

    public IReadOnlyList<T> Items { get; }

    public long? TotalCount { get; }
}
