using System.Text;

namespace Warehouse.Tests.Exports;

/// <summary>A strict RFC 4180 reader for tests: CRLF record ends, quoted fields with doubled quotes. Throws on anything else.</summary>
public static class Rfc4180
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        var atFieldStart = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (atFieldStart && c == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("Unterminated quoted field.");
                    }
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                atFieldStart = false;
                if (i < text.Length && text[i] is not (',' or '\r'))
                {
                    throw new FormatException($"Text after a closing quote at {i}.");
                }
                continue;
            }
            switch (c)
            {
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    i++;
                    break;
                case '\r':
                    if (i + 1 >= text.Length || text[i + 1] != '\n')
                    {
                        throw new FormatException($"Bare CR at {i}.");
                    }
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    atFieldStart = true;
                    i += 2;
                    break;
                case '\n':
                    throw new FormatException($"Bare LF at {i}.");
                case '"':
                    throw new FormatException($"Quote inside an unquoted field at {i}.");
                default:
                    field.Append(c);
                    atFieldStart = false;
                    i++;
                    break;
            }
        }
        if (!atFieldStart || field.Length > 0 || record.Count > 0)
        {
            throw new FormatException("The last record does not end with CRLF.");
        }
        return records;
    }
}
