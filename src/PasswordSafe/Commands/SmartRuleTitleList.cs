using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>Smart rule titles (<c>GET SmartRules</c>).</summary>
public sealed class SmartRuleTitleList : ServerNameList
{
    internal override string Tooltip => "Smart rule ";

    internal override async Task<IReadOnlyList<string?>> ReadNamesAsync(AdminClient client, string scope, CancellationToken token) =>
        (await new SmartRuleService(client).ListAsync(quickRules: false, RequestLog.Discard, token).ConfigureAwait(false)).Select(r => r.Title).ToList();
}
