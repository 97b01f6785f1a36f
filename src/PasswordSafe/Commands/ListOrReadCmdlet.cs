using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// Shared by the administration Get- cmdlets that either list (a name pattern filters the list) or read given ids,
/// so every one treats each id as its own item and a missing literal name as ObjectNotFound in the same way.
/// </summary>
public abstract class ListOrReadCmdlet : AdminCmdlet
{
    private protected const string ListSet = "List";
    private protected const string ByIdSet = "ById";

    /// <summary>In the ById set reads each id (one failure does not stop the others); otherwise lists and writes the matches.</summary>
    private protected void WriteByIdOrMatching<T>(IEnumerable<int> ids, Func<int, RequestLog, CancellationToken, Task<T>> read,
        Func<RequestLog, CancellationToken, Task<IReadOnlyList<T>>> list, string? pattern, Func<T, string?> nameOf, string noun)
    {
        if (ParameterSetName == ByIdSet)
        {
            foreach (var id in ids)
            {
                TryItem(() => WriteObject(Run((log, token) => read(id, log, token))), id);
            }

            return;
        }

        // A failed listing names what was listed: the name given, or the plural of the noun ("user groups").
        TryItem(() => WriteMatching(Run(list), pattern, nameOf, noun), string.IsNullOrEmpty(pattern) ? noun + "s" : pattern);
    }
}
