using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>Quick rule titles (<c>GET QuickRules</c>).</summary>
public sealed class QuickRuleTitleList : ServerNameList
{
    internal override string Tooltip => "Quick rule ";

    internal override async Task<IReadOnlyList<string?>> ReadNamesAsync(AdminClient client, string scope, CancellationToken token) =>
        (await new SmartRuleService(client).ListAsync(quickRules: true, RequestLog.Discard, token).ConfigureAwait(false)).Select(r => r.Title).ToList();
}
