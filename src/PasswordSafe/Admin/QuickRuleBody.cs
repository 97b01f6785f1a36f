using System.Collections.Generic;
using System.Linq;
using PasswordSafe.Internal;

namespace PasswordSafe.Admin;

/// <summary>The <c>POST QuickRules</c> body (api-v3 §6.4): <c>{ AccountIDs, Title, Category, Description }</c>.</summary>
internal static class QuickRuleBody
{
    public static string Build(string title, IEnumerable<int> accountIds, string? category, string? description)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw AdminErrors.Invalid("The quick rule has no title.", "Pass -Title.");
        }

        var ids = accountIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw AdminErrors.Invalid($"Quick rule '{title}' has no managed accounts.", "Pass -AccountId, or pipe managed accounts in.");
        }

        var body = new Dictionary<string, object?>
        {
            ["AccountIDs"] = ids,
            ["Title"] = title.Trim(),
        };
        if (!string.IsNullOrWhiteSpace(category))
        {
            body["Category"] = category!.Trim();
        }

        if (description != null)
        {
            body["Description"] = description;
        }

        return JsonBodySerializer.Serialize(body);
    }
}
