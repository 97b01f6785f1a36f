using System;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Checkout;

/// <summary>Builds <c>path?a=1&amp;b=2</c> with every name and value URL-encoded.</summary>
internal static class QueryString
{
    public static string Append(string path, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var pairs = parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)).ToList();
        return pairs.Count == 0 ? path : path + "?" + string.Join("&", pairs);
    }
}
