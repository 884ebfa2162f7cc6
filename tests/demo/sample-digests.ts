/**
 * The demo's own digests, hand-written for the screenshots (made-up labs, people and projects). Today's digest links
 * to the three sample pages; yesterday's mentions the same repo and model again, so the sidebar can say "also in".
 */
import type { FixtureDigest, FixtureItem } from '../fixtures/digest-builder';

export const DEMO_TWEET_URL = 'https://x.com/mira_chen_ml/status/1893456789012345678';
export const DEMO_REPO_URL = 'https://github.com/aurora-labs/tinyserve';
export const DEMO_MODEL_URL = 'https://huggingface.co/aurora-labs/Aurora-7B-Instruct';

const modelNews: FixtureItem = {
  title: 'Aurora Labs 开源 Aurora-7B-Instruct',
  url: DEMO_MODEL_URL,
  summary:
    'Aurora Labs 以 Apache 2.0 许可发布 70 亿参数的指令模型 Aurora-7B-Instruct，支持 128K 上下文，在数学与代码评测上接近上一代 13B 模型。权重与 4 位量化版本已上架 Hugging Face，单张 16GB 显卡即可本地运行。',
  sources: ['https://blog.aurora-labs.dev/posts/aurora-7b'],
};

const tweetNews: FixtureItem = {
  title: '长上下文检索评测：64K 之后准确率普遍下滑',
  url: DEMO_TWEET_URL,
  summary:
    '研究员 Mira Chen 公布了一组长上下文检索测试：多数开源模型在 64K 词元之后的“大海捞针”准确率明显下降，采用分块注意力的模型则基本保持稳定。她同时开源了评测脚本，建议各家在宣传上下文长度时附上完整的检索曲线。',
  sources: ['https://arxiv.org/abs/2502.01234'],
};

const repoTool: FixtureItem = {
  title: 'tinyserve：单文件的轻量推理服务器',
  url: DEMO_REPO_URL,
  summary:
    'tinyserve 是用 Rust 编写的推理服务器，一个二进制文件即可加载 GGUF 与 safetensors 权重，提供兼容 OpenAI 的接口，支持连续批处理和投机解码。作者称在 8 核笔记本 CPU 上运行 7B 模型可达每秒 20 个词元。',
};

const todayNews: FixtureItem[] = [
  modelNews,
  tweetNews,
  {
    title: '北辰实验室发布多模态模型 Polaris-VL 2',
    url: 'https://polaris-lab.example.com/blog/polaris-vl-2',
    summary:
      'Polaris-VL 2 可同时理解图表、截图与长文档，在文档问答评测上刷新了开源模型的最好成绩，并提供 3B 与 12B 两个尺寸。',
  },
  {
    title: '欧盟发布通用模型行为准则的第二版草案',
    url: 'https://policy-watch.example.org/eu-gpai-code-draft-2',
    summary: '新草案细化了训练数据透明度和版权申报要求，给开源模型留出更多豁免空间，公开征求意见将持续六周。',
  },
  {
    title: 'Tern AI 完成 1.2 亿美元 B 轮融资',
    url: 'https://x.com/tern_ai/status/1893400000000000001',
    summary: 'Tern AI 专注于企业内部知识库问答，本轮融资将用于扩充推理集群和在亚洲设立研发中心。',
  },
  {
    title: '研究：小模型配合检索在事实问答上追平大模型',
    url: 'https://arxiv.org/abs/2502.04567',
    summary:
      '论文比较了 1B 至 70B 的模型在开放域问答上的表现，发现 3B 模型加上高质量检索即可达到 70B 模型闭卷作答的准确率。',
  },
  {
    title: '浏览器端推理框架 WebInfer 支持 WebGPU 量化内核',
    url: 'https://webinfer.example.dev/changelog/0-9',
    summary: '新版本加入 4 位与 8 位量化内核，在普通笔记本上用浏览器运行 3B 模型的速度提升约两倍。',
  },
  {
    title: '开源语音模型 Lark-TTS 支持中英混读',
    url: 'https://x.com/lark_voice/status/1893411111111111111',
    summary: 'Lark-TTS 新增中英混合朗读与情绪控制，五秒参考音频即可克隆音色，模型以 MIT 许可发布。',
  },
  {
    title: '数据集 OpenMathCN 发布：十万道中文数学题',
    url: 'https://huggingface.co/datasets/openmath-cn/OpenMathCN',
    summary: '数据集涵盖小学到大学的题目，每道题附带分步解答，可用于训练和评测中文数学推理。',
  },
  {
    title: 'Kite Robotics 展示家务机器人的端到端策略模型',
    url: 'https://kite-robotics.example.com/research/home-policy',
    summary: '演示中机器人完成了叠衣服和整理餐桌等长流程任务，策略模型只用了两百小时的遥操作数据训练。',
  },
];

const todayTools: FixtureItem[] = [
  repoTool,
  {
    title: 'PromptLens：提示词版本管理与回归测试',
    url: 'https://github.com/promptlens/promptlens',
    summary: '把提示词当作代码管理，每次修改都会在固定样例上自动对比输出差异，并支持在 CI 中运行。',
  },
  {
    title: 'Quill Notes 发布本地优先的 AI 笔记应用',
    url: 'https://quillnotes.example.app/',
    summary: '所有笔记与向量索引都保存在本机，可接入本地模型做总结和问答，不上传任何内容。',
  },
  {
    title: 'evalkit 0.4：一行命令跑完常用评测',
    url: 'https://github.com/evalkit-dev/evalkit',
    summary: '内置四十多个常用基准，支持本地模型和 API 模型，结果可导出为可对比的网页报告。',
  },
  {
    title: 'Canvas Agent：在白板上编排多智能体流程',
    url: 'https://x.com/canvas_agent/status/1893422222222222222',
    summary: '用拖拽的方式连接工具与模型节点，流程可一键导出为 Python 代码，适合快速搭建原型。',
  },
  {
    title: 'DocSift：把 PDF 变成干净 Markdown 的解析器',
    url: 'https://github.com/docsift/docsift',
    summary: '能正确处理多栏排版、表格与公式，输出带标题层级的 Markdown，方便后续切块与检索。',
  },
  {
    title: 'Aurora-7B 的 GGUF 量化合集',
    url: 'https://huggingface.co/community-quants/Aurora-7B-Instruct-GGUF',
    summary: '社区提供从 2 位到 8 位的多种量化版本，并附上每种版本的显存占用与困惑度对比表。',
  },
  {
    title: 'TermPilot：终端里的命令行助手',
    url: 'https://github.com/termpilot/termpilot',
    summary: '用自然语言描述想做的事即可生成 shell 命令，执行前会解释每个参数并请求确认。',
  },
  {
    title: 'SlideForge：从大纲生成演示文稿',
    url: 'https://slideforge.example.io/',
    summary: '输入 Markdown 大纲即可生成排版整齐的幻灯片，支持导出 PPTX 和自定义主题。',
  },
  {
    title: 'VecLite：嵌入式向量数据库',
    url: 'https://github.com/veclite/veclite',
    summary: '单文件存储、无需服务进程，可直接嵌入桌面应用或浏览器扩展，百万级向量检索在毫秒级完成。',
  },
];

const yesterdayNews: FixtureItem[] = [
  {
    title: 'Aurora Labs 预告将开源 7B 指令模型',
    url: 'https://x.com/auroralabs_ai/status/1893100000000000001',
    summary: 'Aurora Labs 在发布会上预告了一款 7B 指令模型，称其长上下文能力是重点，并承诺以宽松许可开源。',
    sources: [DEMO_MODEL_URL],
  },
  {
    title: '开源社区讨论推理服务器的基准测试方法',
    url: 'https://x.com/mira_chen_ml/status/1893100000000000002',
    summary: '多位开发者呼吁统一推理吞吐的测试口径，包括并发数、输入长度和是否计入首词元延迟。',
  },
];

const yesterdayTools: FixtureItem[] = [
  {
    title: 'tinyserve 0.3 加入投机解码',
    url: 'https://github.com/aurora-labs/tinyserve/releases/tag/v0.3.0',
    summary: '新版本用小模型先行起草、大模型并行校验，在代码补全场景下把生成速度提升了约 1.8 倍。',
  },
  {
    title: 'MarkTide：把网页整理成阅读笔记',
    url: 'https://marktide.example.app/',
    summary: '浏览器插件一键提取正文、生成要点摘要，并同步到常用的笔记软件。',
  },
];

export function demoDigests(today: string, yesterday: string): FixtureDigest[] {
  return [
    { date: today, issueSlug: 'demo-aurora-7b', news: todayNews, tools: todayTools },
    { date: yesterday, issueSlug: 'demo-not-much', news: yesterdayNews, tools: yesterdayTools },
  ];
}
