-- no module line, and a broken import
import
