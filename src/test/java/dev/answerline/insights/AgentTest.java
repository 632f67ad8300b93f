package dev.answerline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** User-Agents as they arrive, and who they are. */
class AgentTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 | PERSON |
            Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1 | PERSON |
            Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0 | PERSON |
            Mozilla/5.0 (Linux; Android 10; CUBOT P40) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 | PERSON |
            Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot) | AI | OpenAI GPTBot
            Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; OAI-SearchBot/1.0; +https://openai.com/searchbot | AI | ChatGPT search
            Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; ChatGPT-User/1.0; +https://openai.com/bot | AI | ChatGPT
            Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com) | AI | Anthropic ClaudeBot
            Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Claude-User/1.0; +Claude-User@anthropic.com) | AI | Claude
            Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; PerplexityBot/1.0; +https://perplexity.ai/perplexitybot) | AI | Perplexity
            Mozilla/5.0 (compatible; Bytespider; spider-feedback@bytedance.com) | AI | ByteDance Doubao
            CCBot/2.0 (https://commoncrawl.org/faq/) | AI | Common Crawl
            meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler) | AI | Meta AI
            Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) | BOT |
            Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) | BOT |
            Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.2 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot) | BOT |
            facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php) | BOT |
            Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/) | BOT |
            Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36 | BOT |
            curl/8.5.0 | BOT |
            python-requests/2.32.3 | BOT |
            Mozilla/5.0 (compatible; SomeNewCrawler/1.0; +https://example.com/crawler) | BOT |
            Mozilla/5.0 (compatible; ExampleSpider/3.1) | BOT |
            Mozilla/5.0 | BOT |
            x | BOT |
            """)
    void classifies(String userAgent, Agent.Kind kind, String name) {
        assertThat(Agent.of(userAgent)).isEqualTo(new Agent(kind, name));
    }

    @ParameterizedTest
    @CsvSource({"''", "'   '"})
    void anEmptyUserAgentIsAProgram(String userAgent) {
        assertThat(Agent.of(userAgent).kind()).isEqualTo(Agent.Kind.BOT);
        assertThat(Agent.of(null).kind()).isEqualTo(Agent.Kind.BOT);
        assertThat(Agent.of("Mozilla/5.0 " + "x".repeat(600)).kind()).isEqualTo(Agent.Kind.BOT);
    }
}
